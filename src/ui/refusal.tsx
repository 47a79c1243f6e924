import type { ApiError } from '../lib/errors';

type Next = { href: string; label: string };

/**
 * A form action the rules refused (a slot taken meanwhile, a claim already
 * ended): what happened, in the domain's own words, and where to go next.
 */
export function Refusal({ title, error, next }: { title: string; error: ApiError; next: Next[] }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <p>{error.message}</p>
      <ul class="next-steps">
        {next.map((link) => (
          <li>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
