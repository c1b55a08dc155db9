/**
 * Entry of the `kse` command. bin/kse.mjs runs it from the bundle that `npm run build` makes (out/cli, see
 * scripts/cli-bundle.mjs), building the bundle first when it is missing or older than these sources. Parses the
 * arguments, runs one command on the same core as the app, and returns the exit code: 0 fine, 1 failed (or
 * `doctor` found a problem), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, UsageError, parseArgs, type CliCommand, type CommandNamed } from './args';
import { CliFailure, type CliRuntime } from './runtime';
import { terminalIo } from './terminal-io';
import { openInBrowser } from './open-browser';
import { SNAPSHOT_MAX_BYTES } from '../shared/limits';
import { readRegularFile } from '../main/kube/regular-file';

// Each command is its own module (its own chunk in the bundle), imported only when it runs: `kse help` loads no
// core, `kse contexts` no Kubernetes client, store or web server (src/cli/bundle.int.test.ts checks which load).
const COMMANDS = {
  contexts: async () => (await import('./commands/contexts')).runContexts,
  sync: async () => (await import('./commands/sync')).runSync,
  snapshot: async () => (await import('./commands/snapshot')).runSnapshot,
  record: async () => (await import('./commands/record')).runRecord,
  doctor: async () => (await import('./commands/doctor')).runDoctor,
  df: async () => (await import('./commands/df')).runDf,
  web: async () => (await import('./commands/web')).runWeb,
  exercise: async () => (await import('./commands/exercise')).runExercise,
} satisfies { [N in Exclude<CliCommand['name'], 'help' | 'version'>]: () => Promise<(runtime: CliRuntime, command: CommandNamed<N>) => Promise<number>> };

// The repository (or installed package) root: two levels up from src/cli/main.ts and from the bundle in out/cli.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function realRuntime(): CliRuntime {
  const version = packageVersion();
  const resourcesDir = join(ROOT, 'resources');
  const io = terminalIo({ stdout: process.stdout, stderr: process.stderr });
  return {
    io,
    version,
    createCore: async ({ autoOpenDemo, openContextOnStart = false }) => {
      const [{ Core }, { createCoreDeps }, { LastOpenedFile, defaultLastOpenedPath }, { FleetChoicesFile, defaultFleetChoicesPath }] = await Promise.all([
        import('../main/core/core'),
        import('../main/core/wiring'),
        import('../main/core/last-opened'),
        import('../main/core/fleet-choices'),
      ]);
      const { UsageSettingsFile, defaultUsageSettingsPath } = await import('../main/core/usage-settings');
      const log = (message: string) => io.err(`${message}\n`);
      // Only a long-running host remembers and reopens the last context; one-shot commands leave it as it was.
      const lastOpened = openContextOnStart ? new LastOpenedFile(defaultLastOpenedPath(), log) : undefined;
      // The same for the fleet's watched contexts: the web host remembers them; a one-shot command watches none.
      const fleetChoices = openContextOnStart ? new FleetChoicesFile(defaultFleetChoicesPath(), log) : undefined;
      const core = new Core({ deps: createCoreDeps({ resourcesDir }), resourcesDir, version, transport: 'web', autoOpenDemo, openContextOnStart, ...(lastOpened ? { lastOpened } : {}), ...(fleetChoices ? { fleetChoices } : {}), usageSettings: new UsageSettingsFile(defaultUsageSettingsPath(), log), log });
      await core.start();
      return core;
    },
    currentContext: async () => (await import('../main/core/wiring')).currentContext(),
    // Snapshot files: never a FIFO or a device (they would block), never past the snapshot size limit.
    readFile: async (path) => readRegularFile(path, SNAPSHOT_MAX_BYTES),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    rendererDir: join(ROOT, 'out', 'renderer'),
    resourcesDir,
    openBrowser: openInBrowser,
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    now: () => performance.now(),
  };
}

export async function runCommand(command: CliCommand, runtime: CliRuntime): Promise<number> {
  if (command.name === 'help') {
    runtime.io.out(USAGE);
    return 0;
  }
  if (command.name === 'version') {
    runtime.io.out(`${runtime.version}\n`);
    return 0;
  }
  switch (command.name) {
    case 'contexts':
      return (await COMMANDS.contexts())(runtime, command);
    case 'sync':
      return (await COMMANDS.sync())(runtime, command);
    case 'snapshot':
      return (await COMMANDS.snapshot())(runtime, command);
    case 'record':
      return (await COMMANDS.record())(runtime, command);
    case 'doctor':
      return (await COMMANDS.doctor())(runtime, command);
    case 'df':
      return (await COMMANDS.df())(runtime, command);
    case 'web':
      return (await COMMANDS.web())(runtime, command);
    case 'exercise':
      return (await COMMANDS.exercise())(runtime, command);
  }
}

/** Runs `kse` with these arguments; never throws. */
export async function main(argv: readonly string[], runtime: CliRuntime = realRuntime()): Promise<number> {
  try {
    return await runCommand(parseArgs(argv), runtime);
  } catch (error) {
    if (error instanceof UsageError) {
      runtime.io.err(`kse: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliFailure) {
      runtime.io.err(`kse: ${error.message}\n`);
      return error.exitCode;
    }
    runtime.io.err(`kse: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    return 1;
  }
}

/**
 * `kse` as a process: runs the command, then exits with its code once the output is flushed. The explicit exit
 * is why a command ends at its timeout: whatever is still pending (a connection being torn down, a credential
 * plugin being killed) cannot keep the process alive after the answer was given. Crashes are printed through
 * the same sanitiser as everything else.
 */
export async function runAsProcess(argv: readonly string[]): Promise<never> {
  const runtime = realRuntime();
  const crash = (error: unknown): void => {
    runtime.io.err(`kse: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    void exitAfterFlush(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return exitAfterFlush(await main(argv, runtime));
}

function exitAfterFlush(code: number): Promise<never> {
  return new Promise<never>(() => {
    let pending = 2;
    const done = (): void => {
      if (--pending === 0) process.exit(code);
    };
    process.stdout.write('', done);
    process.stderr.write('', done);
  });
}
