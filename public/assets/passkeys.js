// Passkeys, on the home page (sign in) and in Settings › Passkeys (add). Loaded after the @simplewebauthn/browser
// bundle (public/assets/vendor/simplewebauthn-browser.js, copied from node_modules). Without WebAuthn, or without
// this script, both stay hidden and email sign-in works as before.
(() => {
  const webauthn = window.SimpleWebAuthnBrowser;
  if (!webauthn || !webauthn.browserSupportsWebAuthn()) return;

  async function post(path, body) {
    const response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error?.message || `The server answered ${response.status}.`);
    return answer;
  }

  function show(box, message) {
    box.textContent = message;
    box.hidden = !message;
  }

  /** The browser's own refusals (the person cancelled, no passkey here) are theirs to retry: said plainly. */
  function explain(error) {
    if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) return 'No passkey was used. You can try again, or sign in by email.';
    return (error && error.message) || 'The passkey did not work.';
  }

  const signIn = document.getElementById('passkey-sign-in');
  if (signIn) {
    const button = document.getElementById('passkey-button');
    const error = document.getElementById('passkey-error');
    const authenticate = async (useBrowserAutofill) => {
      const optionsJSON = await post('/auth/passkeys/authentication-options');
      const assertion = await webauthn.startAuthentication({ optionsJSON, useBrowserAutofill });
      await post('/auth/passkeys/authenticate', assertion);
      window.location.assign('/dashboard');
    };
    signIn.hidden = false;
    button.addEventListener('click', () => {
      show(error, '');
      button.disabled = true;
      authenticate(false)
        .catch((e) => show(error, explain(e)))
        .finally(() => (button.disabled = false));
    });
    // Passkeys offered in the email field's autofill, where the browser can; a person picking one signs in.
    // Started when the field is first focused, not on every visit: each start is a challenge stored and counted.
    const email = document.getElementById('email');
    email?.addEventListener(
      'focus',
      () =>
        webauthn.browserSupportsWebAuthnAutofill().then((supported) => {
          if (supported) authenticate(true).catch(() => {});
        }),
      { once: true },
    );
  }

  const add = document.getElementById('passkey-add');
  if (add) {
    const button = document.getElementById('passkey-add-button');
    const error = document.getElementById('passkey-error');
    add.hidden = false;
    document.getElementById('passkey-unavailable').hidden = true;
    button.addEventListener('click', async () => {
      show(error, '');
      button.disabled = true;
      try {
        const optionsJSON = await post('/auth/passkeys/registration-options');
        const credential = await webauthn.startRegistration({ optionsJSON });
        await post('/auth/passkeys', credential);
        window.location.assign('/settings/passkeys');
      } catch (e) {
        show(error, explain(e));
      } finally {
        button.disabled = false;
      }
    });
  }
})();
