/**
 * An address as the sign-in confirmation shows it, "a…@example.com": enough
 * for its owner to recognise, too little for a passer-by (or a page shown to
 * the wrong person) to learn it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${email[0]}…${email.slice(at)}`;
}
