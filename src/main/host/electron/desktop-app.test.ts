/**
 * The desktop app's wiring with Electron replaced by recorders (the Electron binary cannot run here): what the
 * window is created with, what it loads, which handlers and policies are installed, and that the page can be
 * served from app:// with its CSP while other pages cannot call the contract.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';

type Handler = (...args: unknown[]) => unknown;
const rec = vi.hoisted(() => ({
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  windows: [] as { options: Record<string, unknown>; url?: string; handlers: Map<string, unknown>; openHandler?: (d: { url: string }) => unknown; sent: unknown[] }[],
  protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
  permissionHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string, origin: string) => boolean),
  headersHandler: undefined as undefined | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  menu: undefined as unknown,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class FakeWebContents {
    id = 7;
    mainFrame = {};
    handlers = new Map<string, unknown>();
    sent: unknown[] = [];
    setWindowOpenHandler(handler: (d: { url: string }) => unknown) {
      rec.windows[rec.windows.length - 1]!.openHandler = handler;
    }
    on(event: string, handler: unknown) {
      this.handlers.set(event, handler);
      rec.windows[rec.windows.length - 1]!.handlers.set(event, handler);
    }
    isDestroyed() {
      return false;
    }
    send(channel: string, notice: unknown) {
      rec.windows[rec.windows.length - 1]!.sent.push([channel, notice]);
    }
  }
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(options: Record<string, unknown>) {
      rec.windows.push({ options, handlers: new Map(), sent: [] });
    }
    maximize() {}
    once() {}
    on() {}
    async loadURL(url: string) {
      rec.windows[rec.windows.length - 1]!.url = url;
    }
  }
  const session = {
    setPermissionRequestHandler: (h: typeof rec.permissionHandler) => (rec.permissionHandler = h),
    setPermissionCheckHandler: (h: typeof rec.permissionCheck) => (rec.permissionCheck = h),
    setDevicePermissionHandler: () => undefined,
    webRequest: { onHeadersReceived: (h: typeof rec.headersHandler) => (rec.headersHandler = h) },
    protocol: { handle: (_scheme: string, h: typeof rec.protocolHandler) => (rec.protocolHandler = h) },
  };
  return {
    app: { getVersion: () => '1.0.0', getLocale: () => 'ru-RU', isPackaged: true, getPath: () => tmpdir(), on: () => undefined, quit: () => undefined },
    BrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => rec.ipc.set(channel, h), removeHandler: (c: string) => rec.ipc.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    session: { defaultSession: session },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async (url: string) => void rec.opened.push(url) },
    dialog: {},
    nativeTheme: {},
    protocol: { registerSchemesAsPrivileged: () => undefined },
  };
});

const savedKubeconfig = process.env.KUBECONFIG;
afterAll(() => {
  if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = savedKubeconfig;
});

beforeAll(async () => {
  const rendererDir = await mkdtemp(join(tmpdir(), 'kse-app-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  process.env.KUBECONFIG = join(rendererDir, 'no-kubeconfig');
  const { startDesktopApp } = await import('./desktop-app');
  await startDesktopApp({ preloadPath: '/app/out/preload/index.cjs', rendererDir, resourcesDir: resolve(__dirname, '../../../../resources') });
});

describe('desktop app wiring', () => {
  it('opens one hardened window on app://kse with the preload', () => {
    expect(rec.windows).toHaveLength(1);
    const win = rec.windows[0]!;
    expect(win.url).toBe('app://kse/index.html');
    expect(win.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('keeps navigation on the page and opens only allow-listed links outside', () => {
    const win = rec.windows[0]!;
    expect(win.openHandler?.({ url: 'https://kubernetes.io/docs/' })).toEqual({ action: 'deny' });
    expect(win.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(rec.opened).toEqual(['https://kubernetes.io/docs/']);
    const navigate = win.handlers.get('will-navigate') as (e: { preventDefault(): void }, url: string) => void;
    let prevented = 0;
    navigate({ preventDefault: () => (prevented += 1) }, 'app://kse/index.html#/claims');
    navigate({ preventDefault: () => (prevented += 1) }, 'https://evil.example/');
    expect(prevented).toBe(1);
  });

  it('grants only the clipboard write to our own page, denies every other permission, and puts the CSP on every response', () => {
    const request = (permission: string, url: string) => {
      let granted: boolean | undefined;
      rec.permissionHandler?.({}, permission, (ok) => (granted = ok), { requestingUrl: url });
      return granted;
    };
    expect(request('media', 'app://kse/index.html')).toBe(false);
    expect(request('clipboard-read', 'app://kse/index.html')).toBe(false);
    expect(request('clipboard-sanitized-write', 'app://kse/index.html#/claims')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(rec.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://kse')).toBe(true);
    expect(rec.permissionCheck?.({}, 'clipboard-sanitized-write', 'file://')).toBe(false);
    expect(rec.permissionCheck?.({}, 'notifications', 'app://kse')).toBe(false);
    let headers: unknown;
    rec.headersHandler?.({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r));
    expect(JSON.stringify(headers)).toContain("script-src 'self'");
  });

  it('serves the page from app:// with the CSP and nothing outside the renderer', async () => {
    const page = await rec.protocolHandler!({ url: 'app://kse/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await rec.protocolHandler!({ url: 'app://kse/../../etc/passwd' })).status).toBe(404);
    expect((await rec.protocolHandler!({ url: 'app://other/index.html' })).status).toBe(404);
  });

  it('handles every contract method for our page only, and sets the menu in the system language', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `kse:${m}`).sort());
    const about = rec.ipc.get('kse:about')!;
    const ours = { sender: { id: 7 }, senderFrame: { url: 'app://kse/index.html', parent: null } };
    expect(await about(ours, {})).toMatchObject({ ok: true, value: { version: '1.0.0', transport: 'ipc' } });
    const foreign = { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await about(foreign, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const labels = JSON.stringify(rec.menu);
    expect(labels).toContain('Open Snapshot…');
    expect(labels).toMatch(/"label":"Русский","type":"radio","checked":true/);
  });
});
