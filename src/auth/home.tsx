import type { Child } from 'hono/jsx';

type SignInFormProps = {
  email?: string;
  error?: string;
  /** Inside the form, above its button (a human check when one is on). */
  beforeSubmit?: Child;
  /** Inside the card, after the form (other ways to sign in). */
  afterForm?: Child;
};

/** The sign-in form: one field, its error right beside it. */
export function SignInForm({ email, error, beforeSubmit, afterForm }: SignInFormProps) {
  return (
    <div class="card" id="sign-in">
      <form method="post" action="/auth/sign-in" novalidate>
        <h2>Sign in or join</h2>
        <p class="muted">No password: we email you a link and a code that sign you in.</p>
        <label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email webauthn"
          required
          value={email ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'email-error' : undefined}
        />
        {error ? (
          <p class="field-error" id="email-error" role="alert">
            {error}
          </p>
        ) : null}
        {beforeSubmit}
        <button type="submit">Email me a sign-in link</button>
      </form>
      {afterForm}
    </div>
  );
}

export function HomePage(props: SignInFormProps) {
  return (
    <div class="home">
      <section class="intro">
        <h1>Feedback that comes back.</h1>
        <p class="lede">
          Volley is a give-to-get exchange for writers. Review a peer's draft to earn credits; spend credits to have
          your own drafts read closely.
        </p>
        <ul class="points">
          <li>Pay by the piece, not by the word count of a critique, so reviews stay honest.</li>
          <li>Fair queue: drafts with the fewest reviews go first, whatever their length.</li>
          <li>Every credit is on a ledger you can read, entry by entry.</li>
          <li>Your drafts are seen by signed-in members only.</li>
        </ul>
      </section>
      <SignInForm {...props} />
    </div>
  );
}
