/**
 * Opening `kse web`'s URL in the default browser without putting its token on a command line: arguments of
 * every process are visible to every local user (ps, /proc/PID/cmdline), and the token is the only thing that
 * keeps other local users and web pages out of the web host. The opener (xdg-open, open, start) gets the path
 * of a small page instead, readable only by this user, that sends the browser on to the URL. If that fails,
 * the printed URL is still there to open by hand.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpenerDeps {
  spawn: (command: string, args: string[]) => void;
  platform: NodeJS.Platform;
  tmpdir: () => string;
}

const realDeps: OpenerDeps = {
  spawn: (command, args) => {
    const child = nodeSpawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  },
  platform: process.platform,
  tmpdir,
};

/** The page that forwards the browser to `url` (HTML-escaped; the URL is ours, but escaping costs nothing). */
export function launchPage(url: string): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>\n<meta charset="utf-8">\n<meta name="referrer" content="no-referrer">\n<meta http-equiv="refresh" content="0;url=${escaped}">\n<title>Kube Storage Explorer</title>\n<p>Opening <a href="${escaped}">Kube Storage Explorer</a>…</p>\n`;
}

/** The opener command for a file path on this platform. */
export function openerCommand(platform: NodeJS.Platform, path: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [path]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', path]];
  return ['xdg-open', [path]];
}

/**
 * Writes the launch page into a fresh private directory (0700, the file 0600) and starts the opener on it.
 * Returns a function that deletes the page (call it when the web host stops). Never throws.
 */
export function openInBrowser(url: string, deps: OpenerDeps = realDeps): () => void {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(deps.tmpdir(), 'kse-web-')); // created 0700
    chmodSync(dir, 0o700);
    const page = join(dir, 'open.html');
    writeFileSync(page, launchPage(url), { mode: 0o600 });
    const [command, args] = openerCommand(deps.platform, page);
    deps.spawn(command, args);
  } catch {
    // The URL is printed; the user opens it by hand.
  }
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
