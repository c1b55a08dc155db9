/**
 * Which URLs the desktop window may go to: none but our own page. Links to documentation open in the user's
 * browser, and only when they are https links to a short list of well-known sites (never file:, never a
 * custom scheme that could start a local program).
 */

/** Hosts whose https pages the app may open in the system browser (docs linked from lessons and findings). */
export const EXTERNAL_HOSTS: readonly string[] = [
  'kubernetes.io',
  'kubernetes-csi.github.io',
  'github.com',
  'docs.github.com',
  'kubernetes-sigs.github.io',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** What to do with a navigation or window.open: stay (same page, e.g. a hash change), open outside, or refuse. */
export function navigationDecision(url: string, appOrigins: readonly string[]): 'stay' | 'external' | 'deny' {
  let origin: string;
  try {
    const parsed = new URL(url);
    origin = `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'deny';
  }
  if (appOrigins.includes(origin)) return 'stay';
  return isAllowedExternalUrl(url) ? 'external' : 'deny';
}
