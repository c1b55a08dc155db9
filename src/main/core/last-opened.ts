/**
 * Which kubeconfig context the user opened last, so the next start can begin syncing it before the page asks
 * (issue 13: syncing used to start only when the page opened a cluster). Kept in main, in a small JSON file of
 * its own, never in the renderer: the web host's page is served to a browser, and its storage is per origin
 * (a new port each run). Only context names are kept, per set of kubeconfig files (the same name in another
 * kubeconfig is another cluster): no server, no user, no credential.
 *
 * Where: the web host and the CLI use `$XDG_STATE_HOME/kube-storage-explorer/last-opened.json` (default
 * `~/.local/state/...`, the XDG place for "recently used" state); the desktop app uses its userData directory.
 */
import { homedir } from 'node:os';
import { delimiter } from 'node:path';
import { defaultStatePath, readStateFile, writeStateFile } from './state-file';

/** Remembers the last opened context per kubeconfig file set. */
export interface LastOpened {
  /** The context last opened with these kubeconfig files, if any was remembered. Never throws. */
  recall(kubeconfigFiles: readonly string[]): Promise<string | undefined>;
  /** Remembers `context` for these files. Never throws; a write that fails is reported through `onError`. */
  remember(kubeconfigFiles: readonly string[], context: string): Promise<void>;
}

interface Entry {
  context: string;
  /** ISO time of the opening: the oldest entries go first when the file holds too many. */
  at: string;
}

/** Kubeconfig file sets remembered at most; one person rarely switches between more. */
const MAX_ENTRIES = 20;
/** A context name is a Kubernetes-style name; anything much longer is not one of ours. */
const MAX_NAME_LENGTH = 1024;
/** The file is a few KB; a larger one was not written by us and is ignored. */
const MAX_FILE_BYTES = 64 * 1024;

/** The web host's and the CLI's file: `$XDG_STATE_HOME/kube-storage-explorer/last-opened.json`. */
export function defaultLastOpenedPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return defaultStatePath('last-opened.json', env, home);
}

/** LastOpened kept in `path`. Reads are forgiving (a missing or damaged file is an empty memory). */
export class LastOpenedFile implements LastOpened {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  async recall(kubeconfigFiles: readonly string[]): Promise<string | undefined> {
    return (await this.read())[keyOf(kubeconfigFiles)]?.context;
  }

  remember(kubeconfigFiles: readonly string[], context: string): Promise<void> {
    if (context.length === 0 || context.length > MAX_NAME_LENGTH) return Promise.resolve();
    // One write at a time, each from the latest content: two quick openings never lose one another.
    this.writing = this.writing.then(() => this.write(keyOf(kubeconfigFiles), context));
    return this.writing;
  }

  private async write(key: string, context: string): Promise<void> {
    try {
      const entries = await this.read();
      if (entries[key]?.context === context) return;
      entries[key] = { context, at: new Date().toISOString() };
      const kept = Object.entries(entries)
        .sort(([, a], [, b]) => b.at.localeCompare(a.at))
        .slice(0, MAX_ENTRIES);
      await writeStateFile(this.path, { version: 1, byKubeconfig: Object.fromEntries(kept) });
    } catch (error) {
      this.onError(`Could not remember the last opened context in ${this.path}: ${error instanceof Error ? error.message : String(error)}. The next start will not open it by itself.`);
    }
  }

  private async read(): Promise<Record<string, Entry>> {
    const parsed = await readStateFile(this.path, MAX_FILE_BYTES);
    const byKubeconfig = (parsed as { byKubeconfig?: unknown } | null)?.byKubeconfig;
    if (typeof byKubeconfig !== 'object' || byKubeconfig === null) return {};
    const entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
    for (const [key, value] of Object.entries(byKubeconfig)) {
      const entry = value as Partial<Entry> | null;
      if (typeof entry?.context === 'string' && entry.context.length > 0 && entry.context.length <= MAX_NAME_LENGTH && typeof entry.at === 'string') {
        entries[key] = { context: entry.context, at: entry.at };
      }
    }
    return entries;
  }
}

/** The key of a kubeconfig file set: the same context name in another set is another cluster. */
export function keyOf(kubeconfigFiles: readonly string[]): string {
  return kubeconfigFiles.join(delimiter);
}
