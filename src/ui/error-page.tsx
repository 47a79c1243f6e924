export function ErrorPage({ status, message, requestId }: { status: number; message: string; requestId?: string }) {
  return (
    <section class="narrow">
      <h1>{status === 404 ? 'Page not found' : 'Something went wrong'}</h1>
      <p>{message}</p>
      {requestId ? <p class="muted">Reference: {requestId}</p> : null}
      <p>
        <a href="/">Back to Volley</a>
      </p>
    </section>
  );
}
