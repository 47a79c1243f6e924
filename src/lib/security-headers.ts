import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

const strict = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    // Cloudflare Turnstile's widget, shown on the sign-in form only when TURNSTILE_SECRET is set.
    frameSrc: ['https://challenges.cloudflare.com'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  // Not no-referrer: browsers then send `Origin: null` on same-origin form posts, which defeats the CSRF check.
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
});

/** Security headers for every response, plus noindex: writers keep first publication rights. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await strict(c, next);
  c.header('X-Robots-Tag', 'noindex, nofollow');
};
