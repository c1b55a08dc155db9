/**
 * The user's volume usage settings (poll interval, nearly-full thresholds) kept between runs in `usage.json` beside
 * fleet.json (core/state-file.ts), one set for the app: they are the user's taste, not a cluster's. A missing or
 * damaged file, or a value out of its bounds, reads as the defaults (30 s, 85 %, 95 %).
 */
import { homedir } from 'node:os';
import { DEFAULT_USAGE_SETTINGS, usageSettingsProblem, type UsageSettings } from '../../shared/usage/thresholds';
import { defaultStatePath, readStateFile, writeStateFile } from './state-file';

/** Where the usage settings live. */
export interface UsageSettingsStore {
  /** The stored settings, else the defaults. Never throws. */
  recall(): Promise<UsageSettings>;
  /** Stores them (already valid). Never throws; a failed write is reported through the store's onError. */
  remember(settings: UsageSettings): Promise<void>;
}

const MAX_FILE_BYTES = 16 * 1024;

/** `$XDG_STATE_HOME/kube-storage-explorer/usage.json`. */
export function defaultUsageSettingsPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return defaultStatePath('usage.json', env, home);
}

/** The settings in `value` when they are whole and valid together, else the defaults. */
export function saneUsageSettings(value: unknown): UsageSettings {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof UsageSettings, unknown>>;
  const candidate = { ...DEFAULT_USAGE_SETTINGS };
  for (const key of ['intervalMs', 'warningPercent', 'problemPercent'] as const) if (typeof r[key] === 'number') candidate[key] = r[key];
  return usageSettingsProblem(candidate) === undefined ? candidate : { ...DEFAULT_USAGE_SETTINGS };
}

/** UsageSettingsStore in a JSON file. */
export class UsageSettingsFile implements UsageSettingsStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  async recall(): Promise<UsageSettings> {
    const parsed = await readStateFile(this.path, MAX_FILE_BYTES);
    return saneUsageSettings((parsed as { settings?: unknown } | null | undefined)?.settings);
  }

  remember(settings: UsageSettings): Promise<void> {
    this.writing = this.writing.then(async () => {
      try {
        await writeStateFile(this.path, { version: 1, settings });
      } catch (error) {
        this.onError(`Could not remember the usage settings in ${this.path}: ${error instanceof Error ? error.message : String(error)}. They apply until the app stops; set them again after a restart.`);
      }
    });
    return this.writing;
  }
}

/** Settings kept in memory only (the one-shot CLI, tests). */
export class UsageSettingsInMemory implements UsageSettingsStore {
  constructor(private settings: UsageSettings = { ...DEFAULT_USAGE_SETTINGS }) {}
  recall(): Promise<UsageSettings> {
    return Promise.resolve({ ...this.settings });
  }
  remember(settings: UsageSettings): Promise<void> {
    this.settings = { ...settings };
    return Promise.resolve();
  }
}
