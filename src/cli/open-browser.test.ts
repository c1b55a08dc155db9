import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInBrowser } from './open-browser';

const URL_WITH_TOKEN = 'http://127.0.0.1:41234/#token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('opening kse web in the browser', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('never puts the token on the opener’s command line (%s)', (platform) => {
    const spawned: [string, string[]][] = [];
    const base = mkdtempSync(join(tmpdir(), 'kse-open-test-'));
    const cleanUp = openInBrowser(URL_WITH_TOKEN, { spawn: (command, args) => void spawned.push([command, args]), platform, tmpdir: () => base });
    expect(spawned).toHaveLength(1);
    const [command, args] = spawned[0]!;
    expect([command, ...args].join(' ')).not.toContain('token');
    // The opener gets a page, readable only by this user, that forwards to the URL.
    const page = args[args.length - 1]!;
    expect(readFileSync(page, 'utf8')).toContain(`url=${URL_WITH_TOKEN}`);
    if (platform !== 'win32' && process.platform !== 'win32') {
      expect(statSync(page).mode & 0o777).toBe(0o600);
      expect(statSync(join(page, '..')).mode & 0o777).toBe(0o700);
    }
    cleanUp();
    expect(existsSync(page)).toBe(false);
  });

  it('never throws when the opener cannot be started', () => {
    expect(() => openInBrowser(URL_WITH_TOKEN, { spawn: () => { throw new Error('ENOENT'); }, platform: 'linux', tmpdir })()).not.toThrow();
  });
});
