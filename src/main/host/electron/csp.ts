/** The desktop window's Content-Security-Policy, sent as a response header with every page and script. */

/**
 * `devServer`: the electron-vite dev server origin in development, whose hot reload needs its WebSocket and
 * the React refresh preamble (an inline script); the packaged app never gets those.
 */
export function appContentSecurityPolicy(devServer?: string): string {
  const dev = devServer !== undefined;
  const socket = dev ? devServer.replace(/^http/, 'ws') : '';
  return [
    "default-src 'none'",
    dev ? `script-src 'self' 'unsafe-inline' ${devServer}` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${devServer} ${socket}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
