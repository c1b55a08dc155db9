/**
 * Small JSON files the core keeps between runs (the last opened context, the fleet's choices). Kept in main,
 * never in the renderer: the web host's page is served to a browser whose storage is per origin, a new port each
 * run. Reads are forgiving (a missing, damaged or oversized file reads as nothing); writes are whole files renamed
 * into place, so a reader never sees half of one.
 *
 * Where: the web host and the CLI use `$XDG_STATE_HOME/kube-storage-explorer/` (default `~/.local/state/...`, the
 * XDG place for state that outlives a run); the desktop app uses its userData directory.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** `$XDG_STATE_HOME/kube-storage-explorer/<file>` (an absolute XDG_STATE_HOME only), else under ~/.local/state. */
export function defaultStatePath(file: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const state = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(home, '.local', 'state');
  return join(state, 'kube-storage-explorer', file);
}

/** The parsed content of `path`; undefined when it is missing, not JSON, or over `maxBytes`. Never throws. */
export async function readStateFile(path: string, maxBytes: number): Promise<unknown> {
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > maxBytes) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Writes `value` as JSON to `path` (directory 0700, file 0600), whole, through a temporary file renamed into
 * place. Throws the file system's error; callers say what it means for the user.
 */
export async function writeStateFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, `${JSON.stringify(value, null, 1)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
