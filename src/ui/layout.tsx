import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SignedInMember } from '../db/schema';
import { credits } from './format';

type LayoutProps = {
  title: string;
  member: SignedInMember | null;
  nonce?: string;
  /** The request's path, so the navigation can mark where the reader is. */
  path?: string;
  children: Child;
};

const sections = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/queue', label: 'Queue' },
  { href: '/drafts/new', label: 'Post a draft' },
];

const current = (path: string | undefined, href: string) => (path === href ? 'page' : undefined);

/** The frame of every page: who is signed in, the content, nothing else competing with the text. */
export function Layout({ title, member, nonce, path, children }: LayoutProps) {
  // Without the doctype browsers lay pages out in quirks mode (extra form margins, odd table fonts).
  return (
    <>
      {raw('<!DOCTYPE html>')}
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
            {member ? (
              <nav aria-label="Main" class="sections">
                {sections.map((section) => (
                  <a href={section.href} aria-current={current(path, section.href)}>
                    {section.label}
                  </a>
                ))}
              </nav>
            ) : null}
            <nav aria-label="Account" class="account">
              {member ? (
                <>
                  <a href="/credits" class="balance" aria-current={current(path, '/credits')}>
                    {credits(member.credits)}
                  </a>
                  <span class="who">
                    Signed in as <strong>{member.name}</strong>
                  </span>
                  <a href="/settings" aria-current={current(path, '/settings')}>
                    Settings
                  </a>
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
    </>
  );
}
