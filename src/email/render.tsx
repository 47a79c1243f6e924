import type { Child } from 'hono/jsx';

type EmailShellProps = { title: string; footer: string; children: Child };

/** Email clients ignore stylesheets, so the shell carries inline styles only. */
export function EmailShell({ title, footer, children }: EmailShellProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
      </head>
      <body style="margin:0;padding:24px;background:#f7f5f0;font-family:Georgia,'Times New Roman',serif;color:#1f1d1a;">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px;line-height:1.6;font-size:17px;">
          <p style="font-family:system-ui,sans-serif;font-weight:700;color:#8a3b12;margin:0 0 24px;">Volley</p>
          {children}
          <p style="font-family:system-ui,sans-serif;font-size:13px;color:#5c5750;margin-top:32px;">{footer}</p>
        </div>
      </body>
    </html>
  );
}

/** hono/jsx renders synchronously for plain components; this makes that a string. */
export async function renderEmailHtml(node: ReturnType<typeof EmailShell>): Promise<string> {
  return '<!doctype html>' + (await node.toString());
}
