/**
 * Session-wide hardening: one permission is granted, to our own page only (the clipboard write that the Copy
 * buttons need); every other one (camera, notifications, clipboard-read, devices...) is refused. Every response
 * gets our CSP (this covers the dev server too), and no webview or extra window can be created.
 */
import type { App, Session } from 'electron';
import { originOf } from '../sender-check';

/**
 * Permissions our page may have. `clipboard-sanitized-write` is what navigator.clipboard.writeText asks for in
 * Electron; reading the clipboard (`clipboard-read`) is never allowed.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True for exactly `clipboard-sanitized-write` asked by one of our own origins; false for everything else. */
export function permissionAllowed(permission: string, requestingUrl: string | undefined, appOrigins: readonly string[]): boolean {
  const origin = originOf(requestingUrl);
  return GRANTED.has(permission) && origin !== undefined && appOrigins.includes(origin);
}

export function hardenSession(session: Session, csp: string, appOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl, appOrigins)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, appOrigins));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** Applies to every web contents the app ever creates, including ones created by mistake. */
export function denyWebviewsAndPopups(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
