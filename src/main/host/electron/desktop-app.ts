/** Starts the desktop app once Electron is ready: core, session policy, IPC, window, menu. */
import { join } from 'node:path';
import { app, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import type { ThemeChoice } from '../../../shared/contract';
import type { Lang } from '../../../shared/model/findings';
import { Core } from '../../core/core';
import { LastOpenedFile } from '../../core/last-opened';
import { FleetChoicesFile } from '../../core/fleet-choices';
import { UsageSettingsFile } from '../../core/usage-settings';
import { createCoreDeps } from '../../core/wiring';
import { forwardNotices, registerIpc } from '../ipc';
import { isTrustedSender, originOf } from '../sender-check';
import { APP_ORIGIN, APP_URL, serveAppProtocol } from './app-protocol';
import { appContentSecurityPolicy } from './csp';
import { menuTemplate } from './menu';
import { desktopMenuActions } from './menu-actions';
import { denyWebviewsAndPopups, hardenSession } from './session-policy';
import { createMainWindow } from './window';

export interface DesktopPaths {
  preloadPath: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  resourcesDir: string;
  /** electron-vite's dev server, in development only. */
  devServerUrl?: string;
}

/** The window icon: the 256 px rendering of resources/icons/icon.svg (scripts/render-icons.mjs). */
export function appIconPath(resourcesDir: string): string {
  return join(resourcesDir, 'icons', '256x256.png');
}

export async function startDesktopApp(paths: DesktopPaths): Promise<void> {
  const devOrigin = paths.devServerUrl ? originOf(paths.devServerUrl) : undefined;
  const origins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  const csp = appContentSecurityPolicy(devOrigin);
  hardenSession(session.defaultSession, csp, origins);
  denyWebviewsAndPopups(app);
  serveAppProtocol(session.defaultSession, paths.rendererDir, csp);

  const version = app.getVersion();
  // The context opened last time (remembered in userData, never in the renderer) or else the current one starts
  // syncing while the window is being created.
  const lastOpened = new LastOpenedFile(join(app.getPath('userData'), 'last-opened.json'), (message) => console.warn(message));
  const core = new Core({
    deps: createCoreDeps({ resourcesDir: paths.resourcesDir }),
    resourcesDir: paths.resourcesDir,
    version,
    transport: 'ipc',
    lastOpened,
    fleetChoices: new FleetChoicesFile(join(app.getPath('userData'), 'fleet.json'), (message) => console.warn(message)),
    usageSettings: new UsageSettingsFile(join(app.getPath('userData'), 'usage.json'), (message) => console.warn(message)),
    openContextOnStart: true,
  });
  await core.start();

  let win: BrowserWindow | undefined;
  registerIpc(ipcMain, core, (sender) => isTrustedSender(sender, { webContentsId: win?.webContents.id, origins }));

  let prefs: { lang: Lang; theme: ThemeChoice } = { lang: app.getLocale().startsWith('ru') ? 'ru' : 'en', theme: 'system' };
  const buildMenu = () => {
    const actions = desktopMenuActions({
      core,
      window: () => win,
      version,
      isPackaged: app.isPackaged,
      onPreferenceChange: (change) => {
        prefs = { ...prefs, ...change };
        buildMenu();
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { ...prefs, isMac: process.platform === 'darwin' })));
  };
  buildMenu();

  const openWindow = async () => {
    win = await createMainWindow({
      preloadPath: paths.preloadPath,
      pageUrl: paths.devServerUrl ?? APP_URL,
      appOrigins: origins,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      iconPath: appIconPath(paths.resourcesDir),
    });
    const stopNotices = forwardNotices(core, win.webContents);
    win.on('closed', () => {
      stopNotices();
      win = undefined;
    });
  };
  await openWindow();

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('activate', () => {
    if (!win) void openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void core.close());
}
