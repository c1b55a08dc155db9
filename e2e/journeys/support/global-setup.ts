/**
 * Before the journeys: the web host serves out/renderer, so build the app (electron-vite: main, preload,
 * renderer) when the build is missing or older than any source file it is made from; check that the browser
 * and the demo recording are there, with a message that says what to do when they are not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './web-host';

const BUILD_OUTPUT = join(REPO_ROOT, 'out', 'renderer', 'index.html');
const BUILD_INPUTS = ['src', 'resources/lessons', 'electron.vite.config.ts', 'package.json'];

/** Newest modification time under `path` (a file or a directory tree). */
function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(BUILD_OUTPUT)) return true;
  const built = statSync(BUILD_OUTPUT).mtimeMs;
  return BUILD_INPUTS.map((p) => join(REPO_ROOT, p)).some((p) => existsSync(p) && newestMtime(p) > built);
}

export default function globalSetup(): void {
  const browser = process.env.KSE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(browser)) {
    throw new Error(`No Chromium at ${browser}. Install it with "apt-get install -y chromium" (or set KSE_CHROMIUM to a Chromium binary).`);
  }
  if (!existsSync(join(REPO_ROOT, 'resources', 'demo', 'demo.json'))) {
    throw new Error('The demo recording resources/demo/demo.json is missing. Record it with "npm run demo:record".');
  }
  if (buildIsStale()) {
    process.stderr.write('[e2e] the UI build is missing or older than its sources: running electron-vite build…\n');
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }
  mkdirSync(join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
}
