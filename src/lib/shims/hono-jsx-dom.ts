/**
 * Stands in for hono/jsx's browser renderer (`hono/jsx/dom`: render, its context, components and form hooks) in the
 * Worker bundle (wrangler.toml `[alias]`). hono/jsx's server modules import it so that one component tree can also
 * render in a browser; Volley renders pages on the server only and ships no client-side JSX (public/ holds its one
 * small script). What the server side reads of it stays: `buildDataStack`, the stack of browser renders in progress,
 * which hooks look at to see they run on the server (it is always empty there). Anything that would render in a
 * browser says it is not bundled.
 */
const browserOnly = (): never => {
  throw new Error('hono/jsx/dom is not bundled: Volley renders JSX on the server only');
};

export const buildDataStack: unknown[] = [];
export const update = browserOnly;
export const createContextProviderFunction = () => browserOnly;
export const ErrorBoundary = browserOnly;
export const Suspense = browserOnly;
export const useActionState = browserOnly;
export const useOptimistic = browserOnly;
