/**
 * The web host's defences, as pure functions: the per-run token (a local server without one let any web page
 * drive an older Kubernetes IDE), Host and Origin checks against DNS rebinding and cross-site requests, and the
 * response headers (strict CSP, no framing, no sniffing).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_HEADER, WS_PROTOCOL, tokenProtocol } from '../../../shared/transport';

/** A fresh random token: 32 bytes, hex (safe in a URL fragment, a header and a WebSocket subprotocol). */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from an API request's header. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[TOKEN_HEADER];
  return typeof value === 'string' ? value : undefined;
}

/** The token offered as a WebSocket subprotocol ("kse.v1, kse.token.<hex>"), if any. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const prefix = tokenProtocol('');
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(WS_PROTOCOL)) return undefined;
  return offered.find((p) => p.startsWith(prefix))?.slice(prefix.length);
}

/** Host names a browser may use to reach us: a rebinding attack arrives with the attacker's name instead. */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/** "name:port" forms of our address; browsers leave out the default port 80. */
function hostForms(port: number): string[] {
  return LOCAL_HOSTS.flatMap((name) => (port === 80 ? [`${name}:80`, name] : [`${name}:${port}`]));
}

/** True when the Host header names our loopback address and port. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return hostForms(port).includes(host.toLowerCase());
}

/**
 * True when the request may come from this Origin: none (curl, the CLI: they still need the token) or our own.
 * A browser always sends Origin on cross-origin requests and WebSocket handshakes, so a foreign page is refused.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return hostForms(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/** The Content-Security-Policy of every page the web host serves: own scripts only, no eval, no remote content. */
export function contentSecurityPolicy(port: number): string {
  const sockets = LOCAL_HOSTS.map((name) => `ws://${name}:${port}`).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React Flow and the virtualised tables position elements with style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers on every response. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}

/** The URL to print: the token rides in the fragment, which browsers never send to a server or in a Referer. */
export function launchUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}/#token=${token}`;
}
