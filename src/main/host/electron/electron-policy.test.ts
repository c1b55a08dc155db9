import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy } from './csp';
import { menuTemplate, type MenuActions } from './menu';
import { permissionAllowed } from './session-policy';
import { isAllowedExternalUrl, navigationDecision } from './url-policy';
import { mainWindowOptions } from './window-options';
import { DEFAULT_BOUNDS, restoreState } from './window-state';

describe('external links', () => {
  it('opens only https links to allow-listed sites', () => {
    expect(isAllowedExternalUrl('https://kubernetes.io/docs/concepts/storage/')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/kubernetes-csi/external-provisioner')).toBe(true);
    expect(isAllowedExternalUrl('http://kubernetes.io/')).toBe(false);
    expect(isAllowedExternalUrl('https://kubernetes.io.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://evilkubernetes.io/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com:8443/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('ms-settings:')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('keeps navigation inside our page and sends allowed links outside', () => {
    const origins = ['app://kse'];
    expect(navigationDecision('app://kse/index.html#/claims', origins)).toBe('stay');
    expect(navigationDecision('https://kubernetes.io/docs/', origins)).toBe('external');
    expect(navigationDecision('https://evil.example/', origins)).toBe('deny');
    expect(navigationDecision('file:///tmp/a.html', origins)).toBe('deny');
    expect(navigationDecision('::', origins)).toBe('deny');
  });
});

describe('permission handler', () => {
  const origins = ['app://kse'];
  it('allows exactly clipboard-sanitized-write, and only for the app’s own origin', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://kse/index.html', origins)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://kse', origins)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'clipboard-write', '']) {
      expect(permissionAllowed(permission, 'app://kse/index.html', origins), permission).toBe(false);
    }
    for (const url of ['https://kubernetes.io/', 'app://kse.evil/index.html', 'app://other/', 'file:///tmp/x.html', 'not a url', undefined]) {
      expect(permissionAllowed('clipboard-sanitized-write', url, origins), String(url)).toBe(false);
    }
    // The dev server counts as ours only while it is one of the app's origins.
    expect(permissionAllowed('clipboard-sanitized-write', 'http://localhost:5173/', origins)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'http://localhost:5173/', [...origins, 'http://localhost:5173'])).toBe(true);
  });
});

describe('window', () => {
  it('is hardened explicitly', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', DEFAULT_BOUNDS);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('carries the app icon when given one', () => {
    expect(mainWindowOptions('/p.cjs', DEFAULT_BOUNDS, '/app/resources/icons/256x256.png').icon).toBe('/app/resources/icons/256x256.png');
    expect(mainWindowOptions('/p.cjs', DEFAULT_BOUNDS)).not.toHaveProperty('icon');
  });

  it('restores a saved size and position that is still on a screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreState({ width: 1000, height: 700, x: 100, y: 50, maximized: true }, screens)).toEqual({ width: 1000, height: 700, x: 100, y: 50, maximized: true });
    // The second monitor is gone: keep the size, drop the position.
    expect(restoreState({ width: 1000, height: 700, x: 2500, y: 50 }, screens)).toEqual({ width: 1000, height: 700 });
    // Bigger than the screen: shrink to it.
    expect(restoreState({ width: 5000, height: 3000 }, screens)).toEqual({ width: 1920, height: 1080 });
    expect(restoreState('garbage', screens)).toEqual(DEFAULT_BOUNDS);
    expect(restoreState({ width: 'wide' }, screens)).toEqual(DEFAULT_BOUNDS);
  });
});

describe('CSP of the desktop window', () => {
  it('is strict when packaged and loosened only for the dev server', () => {
    const strict = appContentSecurityPolicy();
    expect(strict).toContain("script-src 'self';");
    expect(strict).not.toContain('unsafe-eval');
    expect(strict).not.toMatch(/https?:/);
    const dev = appContentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
  });
});

describe('menu', () => {
  function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
  }

  it('offers open/export snapshot, reload, language and theme, and calls back', () => {
    const calls: string[] = [];
    const actions: MenuActions = {
      openSnapshot: () => calls.push('open'),
      exportSnapshot: () => calls.push('export'),
      reload: () => calls.push('reload'),
      setLanguage: (lang) => calls.push(`lang:${lang}`),
      setTheme: (theme) => calls.push(`theme:${theme}`),
      about: () => calls.push('about'),
    };
    const all = items(menuTemplate(actions, { lang: 'ru', theme: 'dark', isMac: false }));
    const byLabel = (label: string) => all.find((item) => item.label === label);
    for (const label of ['Open Snapshot…', 'Export Snapshot…', 'Reload', 'Русский', 'Light', 'Dark']) {
      (byLabel(label)?.click as (() => void) | undefined)?.();
    }
    expect(calls).toEqual(['open', 'export', 'reload', 'lang:ru', 'theme:light', 'theme:dark']);
    expect(byLabel('Русский')?.checked).toBe(true);
    expect(byLabel('English')?.checked).toBe(false);
    expect(byLabel('Dark')?.checked).toBe(true);
    expect(byLabel('Developer Tools')).toBeUndefined();
  });
});
