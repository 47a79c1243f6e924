const browsers: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const systems: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

const pick = (userAgent: string, table: Array<[RegExp, string]>) => table.find(([pattern]) => pattern.test(userAgent))?.[1];

/**
 * "Chrome on macOS, 30 Nov 2026": how Settings names a passkey, so a member
 * with several can tell which one to remove.
 */
export function passkeyName(userAgent: string | undefined, now: number): string {
  const ua = userAgent ?? '';
  const browser = pick(ua, browsers) ?? 'A browser';
  const system = pick(ua, systems);
  const date = new Date(now).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${browser}${system ? ` on ${system}` : ''}, ${date}`;
}
