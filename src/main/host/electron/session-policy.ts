/**
 * Session-wide hardening: no permission is ever granted (camera, notifications, clipboard-read...), every
 * response gets our CSP (this covers the dev server too), and no webview or extra window can be created.
 */
import type { App, Session } from 'electron';

export function hardenSession(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
