import type { Child } from 'hono/jsx';
import type { SignedInMember } from '../db/schema';

type LayoutProps = {
  title: string;
  member: SignedInMember | null;
  nonce?: string;
  children: Child;
};

/** The frame of every page: who is signed in, the content, nothing else competing with the text. */
export function Layout({ title, member, nonce, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title === 'Volley' ? title : `${title} · Volley`}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" nonce={nonce} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href={member ? '/dashboard' : '/'}>
            Volley
          </a>
          <nav aria-label="Account">
            {member ? (
              <>
                <span class="who">
                  Signed in as <strong>{member.name}</strong>
                </span>
                <form method="post" action="/auth/sign-out" class="inline">
                  <button type="submit" class="link">
                    Sign out
                  </button>
                </form>
              </>
            ) : (
              <a href="/#sign-in">Sign in</a>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>Volley — give feedback, get feedback. Drafts are visible to signed-in members only.</p>
        </footer>
      </body>
    </html>
  );
}
