/**
 * A server URL as shown to a user. A kubeconfig may write `https://user:password@host:6443`; that password must
 * never reach a message, a log, the cluster list or a snapshot. Pure.
 */

/** The URL without its user info and trailing slash; text that is not a URL loses anything up to an "@" after "//". */
export function safeServerUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.username === '' && url.password === '') return value.replace(/\/$/, '');
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    // Not parseable as a URL, but it may still hold "scheme://user:pass@host".
    return value.replace(/\/\/[^/?#\s]*@/g, '//');
  }
}
