/** Creates the one app window: hardened options, remembered bounds, navigation kept on our page. */
import { BrowserWindow, screen, shell } from 'electron';
import { navigationDecision } from './url-policy';
import { mainWindowOptions } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

export interface WindowSetup {
  preloadPath: string;
  /** The page to load: app://kse/index.html, or the dev server's URL. */
  pageUrl: string;
  /** Origins that count as our page. */
  appOrigins: readonly string[];
  /** userData/window-state.json */
  stateFile: string;
  /** The app icon for the window (resources/icons/256x256.png). */
  iconPath?: string;
}

export async function createMainWindow(setup: WindowSetup): Promise<BrowserWindow> {
  const state = await loadWindowState(setup.stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const { maximized, ...bounds } = state;
  const win = new BrowserWindow(mainWindowOptions(setup.preloadPath, bounds, setup.iconPath));
  if (maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  const openOutside = (url: string) => {
    if (navigationDecision(url, setup.appOrigins) === 'external') void shell.openExternal(url);
  };
  // Links with target=_blank and window.open: never a new window; allow-listed https links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  const keepOnPage = (event: { preventDefault(): void }, url: string) => {
    if (navigationDecision(url, setup.appOrigins) === 'stay') return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', keepOnPage);
  contents.on('will-redirect', keepOnPage);

  win.on('close', () => {
    const normal = win.getNormalBounds();
    void saveWindowState(setup.stateFile, { ...normal, maximized: win.isMaximized() }).catch(() => undefined);
  });

  await win.loadURL(setup.pageUrl);
  return win;
}
