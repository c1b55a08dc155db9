/**
 * Our page is served from app://kse/ (a standard, secure custom scheme) rather than file://: every response
 * carries the CSP header, only files inside the built renderer can be read, and the sender check can tell our
 * page's origin from any other.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentTypeOf, resolveStaticPath } from '../static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://kse';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveAppProtocol(session: Session, rendererDir: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'kse' ? resolveStaticPath(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
