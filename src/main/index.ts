/**
 * Electron entry. Thin: the sandbox for every renderer, our app:// scheme, one instance, then the desktop app
 * (src/main/host/electron/desktop-app.ts) once Electron is ready.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import { registerAppScheme } from './host/electron/app-protocol';
import { startDesktopApp } from './host/electron/desktop-app';

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const here = fileURLToPath(new URL('.', import.meta.url));
  // The app path holds package.json, out/ and resources/, in development and inside the packaged asar alike.
  const root = app.getAppPath();
  app
    .whenReady()
    .then(() =>
      startDesktopApp({
        preloadPath: join(here, '../preload/index.cjs'),
        rendererDir: join(root, 'out', 'renderer'),
        resourcesDir: join(root, 'resources'),
        ...(!app.isPackaged && process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {}),
      }),
    )
    .catch((error: unknown) => {
      dialog.showErrorBox('Kube Storage Explorer could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
