/** The options of the one app window: every Electron hardening switch set explicitly, so none depends on a default. */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-state';

/**
 * The window's options. `iconPath` is the app icon PNG (resources/icons/256x256.png): Linux and Windows show it
 * in the title bar and task switcher; macOS takes the bundle's .icns instead.
 */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    ...(iconPath ? { icon: iconPath } : {}),
    minWidth: 800,
    minHeight: 500,
    title: 'Kube Storage Explorer',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
