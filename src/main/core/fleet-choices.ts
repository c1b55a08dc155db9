/**
 * The fleet's choices (which contexts are watched, how many sync at once), remembered per kubeconfig file set in
 * `fleet.json` beside last-opened.json (core/state-file.ts). Only context names and a number are kept: no server,
 * no user, no credential. A missing or damaged file means nothing is watched: a context is never contacted
 * unless the user chose it.
 */
import { homedir } from 'node:os';
import { DEFAULT_FLEET_CONCURRENCY, MAX_FLEET_CONCURRENCY, MAX_FLEET_WATCHED } from '../../shared/model/fleet';
import { keyOf } from './last-opened';
import { defaultStatePath, readStateFile, writeStateFile } from './state-file';

/** Watched context names and the concurrency, for one kubeconfig file set. */
export interface StoredFleetChoices {
  watched: string[];
  concurrency: number;
}

/** Where the fleet's choices live. */
export interface FleetChoiceStore {
  /** The choices for these kubeconfig files; none watched when nothing was stored. Never throws. */
  recall(kubeconfigFiles: readonly string[]): Promise<StoredFleetChoices>;
  /** Stores them. Never throws; a failed write is reported through the store's onError. */
  remember(kubeconfigFiles: readonly string[], choices: StoredFleetChoices): Promise<void>;
}

const MAX_ENTRIES = 20;
const MAX_NAME_LENGTH = 1024;
const MAX_FILE_BYTES = 256 * 1024;

/** `$XDG_STATE_HOME/kube-storage-explorer/fleet.json`. */
export function defaultFleetChoicesPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return defaultStatePath('fleet.json', env, home);
}

/** A concurrency the user may choose: a whole number in 1..MAX_FLEET_CONCURRENCY, else the default. */
export function saneConcurrency(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_FLEET_CONCURRENCY ? value : DEFAULT_FLEET_CONCURRENCY;
}

interface Entry extends StoredFleetChoices {
  at: string;
}

/** FleetChoiceStore in a JSON file. */
export class FleetChoicesFile implements FleetChoiceStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  async recall(kubeconfigFiles: readonly string[]): Promise<StoredFleetChoices> {
    const entry = (await this.read())[keyOf(kubeconfigFiles)];
    return entry ? { watched: entry.watched, concurrency: entry.concurrency } : { watched: [], concurrency: DEFAULT_FLEET_CONCURRENCY };
  }

  remember(kubeconfigFiles: readonly string[], choices: StoredFleetChoices): Promise<void> {
    // One write at a time, each from the latest content.
    this.writing = this.writing.then(() => this.write(keyOf(kubeconfigFiles), choices));
    return this.writing;
  }

  private async write(key: string, choices: StoredFleetChoices): Promise<void> {
    try {
      const entries = await this.read();
      entries[key] = { watched: clean(choices.watched), concurrency: saneConcurrency(choices.concurrency), at: new Date().toISOString() };
      const kept = Object.entries(entries)
        .sort(([, a], [, b]) => b.at.localeCompare(a.at))
        .slice(0, MAX_ENTRIES);
      await writeStateFile(this.path, { version: 1, byKubeconfig: Object.fromEntries(kept) });
    } catch (error) {
      this.onError(`Could not remember the watched contexts in ${this.path}: ${error instanceof Error ? error.message : String(error)}. They are watched until the app stops; choose them again after a restart.`);
    }
  }

  private async read(): Promise<Record<string, Entry>> {
    const parsed = await readStateFile(this.path, MAX_FILE_BYTES);
    const byKubeconfig = (parsed as { byKubeconfig?: unknown } | null | undefined)?.byKubeconfig;
    const entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
    if (typeof byKubeconfig !== 'object' || byKubeconfig === null) return entries;
    for (const [key, value] of Object.entries(byKubeconfig)) {
      const entry = value as Partial<Entry> | null;
      if (entry && Array.isArray(entry.watched) && typeof entry.at === 'string') {
        entries[key] = { watched: clean(entry.watched), concurrency: saneConcurrency(entry.concurrency), at: entry.at };
      }
    }
    return entries;
  }
}

/** Context names only: strings of a sane length, each once, at most MAX_FLEET_WATCHED. */
function clean(names: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const name of names) if (typeof name === 'string' && name.length > 0 && name.length <= MAX_NAME_LENGTH) out.add(name);
  return [...out].slice(0, MAX_FLEET_WATCHED);
}

/** Choices kept in memory only (the one-shot CLI, tests). */
export class FleetChoicesInMemory implements FleetChoiceStore {
  private readonly entries = new Map<string, StoredFleetChoices>();
  recall(kubeconfigFiles: readonly string[]): Promise<StoredFleetChoices> {
    return Promise.resolve(this.entries.get(keyOf(kubeconfigFiles)) ?? { watched: [], concurrency: DEFAULT_FLEET_CONCURRENCY });
  }
  remember(kubeconfigFiles: readonly string[], choices: StoredFleetChoices): Promise<void> {
    this.entries.set(keyOf(kubeconfigFiles), { watched: clean(choices.watched), concurrency: saneConcurrency(choices.concurrency) });
    return Promise.resolve();
  }
}
