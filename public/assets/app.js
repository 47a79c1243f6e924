// Progressive enhancement only: every page works without this file.

// A second click on a slow form would send it twice (two sign-in emails, two posts).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  for (const button of form.querySelectorAll('button[type="submit"]')) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
});

// Back/forward cache restores a page with its buttons still disabled.
window.addEventListener('pageshow', () => {
  for (const button of document.querySelectorAll('button[aria-busy="true"]')) {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
});
