import { config } from '../config';
import type { SignedInMember } from '../db/schema';
import { maskEmail } from './mask-email';

const minutes = config.auth.linkTokenLifetimeMs / 60_000;

type CheckEmailProps = { email?: string; code?: string; error?: string };

/** After asking for a link: where to look, the code form for this or another device, and what to try when nothing comes. */
export function CheckEmailPage({ email, code, error }: CheckEmailProps) {
  return (
    <section class="narrow">
      <h1>Check your email</h1>
      <p>
        If that address can receive email, a sign-in link and a {config.auth.codeDigits}-digit code are on their way. Either
        works once, for {minutes} minutes; using one uses both.
      </p>
      <form method="post" action="/auth/code" class="card" novalidate>
        <h2>Type the code</h2>
        <p class="hint">Handy when the email is on another device, or the link says it was already used.</p>
        <label for="code-email">Email address</label>
        <input id="code-email" name="email" type="email" autocomplete="email" required value={email ?? ''} />
        <label for="code">Code from the email</label>
        <input
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern={`[0-9 ]{${config.auth.codeDigits},${config.auth.codeDigits + 2}}`}
          maxlength={config.auth.codeDigits + 2}
          required
          value={code ?? ''}
          class="code-input"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'code-error' : undefined}
        />
        {error ? (
          <p class="field-error" id="code-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit">Sign in with the code</button>
      </form>
      <h2>Nothing arrived?</h2>
      <ul class="next-steps">
        <li>Give it a minute, then look in your spam or junk folder, and under Promotions or Updates if your mail sorts them.</li>
        <li>Check the address is spelled right{email ? <> ({email})</> : null}; if not, <a href="/#sign-in">ask again</a> with the right one.</li>
        <li>
          Email to an address that bounced or reported Volley's mail as spam is not sent again: use another address, or a
          passkey if you added one.
        </li>
        <li>
          Work mail often holds messages from new senders for a while; a personal address is usually quicker. Or{' '}
          <a href="/#sign-in">ask for another link</a>.
        </li>
      </ul>
    </section>
  );
}

type ConfirmProps = { token: string; email: string; signedInAs: SignedInMember | null };

/**
 * What opening a sign-in link shows: nothing is spent until the button is
 * pressed, so a mail scanner fetching the link (or running its scripts) signs
 * nobody in, and a link planted by someone else says whose account it opens.
 */
export function ConfirmSignInPage({ token, email, signedInAs }: ConfirmProps) {
  const masked = <span class="nowrap">{maskEmail(email)}</span>;
  const someoneElse = signedInAs && signedInAs.email !== email;
  return (
    <section class="narrow">
      <h1>Sign in to Volley as {masked}</h1>
      {someoneElse ? (
        <div class="notice warning" role="alert">
          <p>
            <strong>This browser is signed in as someone else</strong>: {signedInAs.name} (
            <span class="nowrap">{maskEmail(signedInAs.email)}</span>).
          </p>
          <p>
            Continuing signs this browser in as {masked} instead. If you did not ask for this link yourself, for example
            because someone sent it to you, do not continue: it would put you in their account.
          </p>
        </div>
      ) : signedInAs ? (
        <p>This browser is already signed in as this address; continuing starts a fresh session.</p>
      ) : (
        <p>Only continue if you asked to sign in with this address.</p>
      )}
      <form method="post" action="/auth/callback" class="button-row confirm-sign-in">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Sign in as {masked}</button>
        <a href={signedInAs ? '/dashboard' : '/'}>Not now</a>
      </form>
    </section>
  );
}

/** A link that can no longer sign in, and the ways forward. */
export function LinkUnusablePage({ message }: { message: string }) {
  return (
    <section class="narrow">
      <h1>This sign-in link cannot be used</h1>
      <p>{message}</p>
      <p>
        A link and the code sent with it work once, together, for {minutes} minutes.{' '}
        <a href="/#sign-in">Ask for a new link</a>, or sign in with a passkey if you added one.
      </p>
    </section>
  );
}

/**
 * "Sign in with a passkey" on the home page: hidden until the script finds
 * WebAuthn in this browser (without JavaScript there is nothing it could do).
 * The email field also offers passkeys in the browser's autofill.
 */
export function PasskeySignIn({ nonce }: { nonce?: string }) {
  return (
    <div class="passkey-sign-in" id="passkey-sign-in" hidden>
      <p class="or">or</p>
      <button type="button" class="secondary" id="passkey-button">
        Sign in with a passkey
      </button>
      <p class="field-error" id="passkey-error" role="alert" hidden></p>
      <script src="/assets/vendor/simplewebauthn-browser.js" nonce={nonce} defer></script>
      <script src="/assets/passkeys.js" nonce={nonce} defer></script>
    </div>
  );
}

/** Cloudflare's widget when Turnstile is on: it puts its token in the form as `cf-turnstile-response`. */
export function TurnstileWidget({ siteKey, nonce }: { siteKey: string; nonce?: string }) {
  return (
    <>
      <div class="cf-turnstile" data-sitekey={siteKey}></div>
      <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" nonce={nonce} async defer></script>
    </>
  );
}
