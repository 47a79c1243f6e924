type SignInFormProps = { email?: string; error?: string };

/** The sign-in form: one field, its error right beside it. */
export function SignInForm({ email, error }: SignInFormProps) {
  return (
    <form method="post" action="/auth/sign-in" class="card" id="sign-in" novalidate>
      <h2>Sign in or join</h2>
      <p class="muted">No password: we email you a link that signs you in.</p>
      <label for="email">Email address</label>
      <input
        id="email"
        name="email"
        type="email"
        autocomplete="email"
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
      <button type="submit">Email me a sign-in link</button>
    </form>
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

export function CheckEmailPage() {
  return (
    <section class="narrow">
      <h1>Check your email</h1>
      <p>If that address can receive email, a sign-in link is on its way. It works once, for 10 minutes.</p>
      <p class="muted">
        Nothing arrived? Look in your spam folder, or <a href="/#sign-in">ask for another link</a>.
      </p>
    </section>
  );
}
