/** The `kse` command line: parsing argv into one command, with usage errors that say what to type instead. */
import { LANGS, type Lang } from '../shared/model/findings';
import type { ObjectRef } from '../shared/model/refs';

export type CliCommand =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'contexts'; json: boolean }
  | { name: 'sync'; context?: string; json: boolean; timeoutSeconds: number }
  | { name: 'snapshot'; context?: string; output: string; timeoutSeconds: number }
  | { name: 'record'; context?: string; output: string; seconds: number; timeoutSeconds: number }
  | {
      name: 'doctor';
      context?: string;
      snapshot?: string;
      /** Several contexts, each in its own section: every context of the kubeconfig (`all`) or these names. */
      contexts?: 'all' | string[];
      /** How many contexts are checked at once (--all-contexts, --contexts). */
      concurrency: number;
      namespace?: string;
      /** One object to look at (`kse doctor pvc/data -n shop`): its findings only, or its report. */
      object?: ObjectRef;
      json: boolean;
      /** A report file's language: plain text for the terminal (default), Markdown or one HTML page. */
      format: DoctorFormat;
      lang: Lang;
      /** With several contexts: the limit for each context. */
      timeoutSeconds: number;
    }
  | { name: 'df'; context?: string; namespace?: string; json: boolean; sort: 'name' | 'use'; lang: Lang; timeoutSeconds: number }
  | { name: 'web'; port?: number; open: boolean }
  | { name: 'exercise'; action: ExerciseAction; which?: string; level?: number; context?: string; json: boolean; lang: Lang; timeoutSeconds: number };

export const DOCTOR_FORMATS = ['text', 'markdown', 'html'] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

/** Contexts checked at once by `kse doctor --all-contexts` unless --concurrency says otherwise. */
export const DEFAULT_DOCTOR_CONCURRENCY = 4;

export type ExerciseAction = 'list' | 'start' | 'hint' | 'solution' | 'check';
const EXERCISE_ACTIONS: readonly ExerciseAction[] = ['list', 'start', 'hint', 'solution', 'check'];

/** The parsed options of one command. */
export type CommandNamed<N extends CliCommand['name']> = Extract<CliCommand, { name: N }>;

export { UsageError } from './args-error';
import { UsageError } from './args-error';
import { objectArg } from './object-arg';

export const DEFAULT_TIMEOUT_SECONDS = 60;

export const USAGE = `Usage: kse <command> [options]

Commands:
  contexts [--json]                         List the kubeconfig contexts (KUBECONFIG or ~/.kube/config).
  sync [--context X] [--json] [--timeout S] Connect, wait until every kind is synced, print counts and timings.
  snapshot [--context X] -o FILE [--timeout S]
                                            Export the storage objects (secrets redacted) to a snapshot file.
  record [--context X] -o FILE [--seconds N] [--timeout S]
                                            A snapshot plus the next N s of changes (default 60): a recording,
                                            replayed live by the app (the built-in demo is one).
  doctor [TYPE/NAME] [--context X | --snapshot FILE] [--namespace N] [--json] [--lang en|ru]
         [--format text|markdown|html]      Diagnose storage: problems first; exits 1 when a problem exists.
                                            TYPE/NAME (e.g. pvc/data -n shop, pv/pv-1, sc/fast) looks at one
                                            object: its findings, or its report with --format.
                                            --format markdown|html writes a report to hand on (redacted as a
                                            snapshot is; HTML is one self-contained page).
  doctor --all-contexts | --contexts A,B [--timeout S] [--concurrency N] [--json]
                                            One section per context, --timeout per context, N at a time
                                            (default ${DEFAULT_DOCTOR_CONCURRENCY}); exits 2 when a context could not be checked, else
                                            1 when any has a problem.
  df [--context X] [--namespace N] [--json] [--sort use] [--lang en|ru]
                                            How full each volume is (claims, emptyDirs), read from the kubelets
                                            through the API server (needs get nodes/proxy); exits 1 when a volume
                                            is 95 % full or more.
  web [--port N] [--no-open]                Serve the UI on 127.0.0.1 and print its URL (with the access token).
  exercise list | start N | hint N [K] | solution N | check N [--context X] [--lang en|ru] [--json]
                                            Lab exercises: the goal and setup command, hints, the solution, and
                                            a live check of each step (exits 1 until every step passes).

Without --context, the kubeconfig's current context is used. The default --timeout is ${DEFAULT_TIMEOUT_SECONDS} s.
`;

interface FlagSpec {
  /** Takes a value (else it is a switch). */
  value: boolean;
  aliases?: string[];
}

const COMMAND_FLAGS: Record<Exclude<CliCommand['name'], 'help' | 'version'>, Record<string, FlagSpec>> = {
  contexts: { json: { value: false } },
  sync: { context: { value: true }, json: { value: false }, timeout: { value: true } },
  snapshot: { context: { value: true }, output: { value: true, aliases: ['o'] }, timeout: { value: true } },
  record: { context: { value: true }, output: { value: true, aliases: ['o'] }, seconds: { value: true }, timeout: { value: true } },
  doctor: {
    context: { value: true },
    snapshot: { value: true },
    'all-contexts': { value: false },
    contexts: { value: true },
    concurrency: { value: true },
    namespace: { value: true, aliases: ['n'] },
    json: { value: false },
    format: { value: true },
    lang: { value: true },
    timeout: { value: true },
  },
  df: { context: { value: true }, namespace: { value: true, aliases: ['n'] }, json: { value: false }, sort: { value: true }, lang: { value: true }, timeout: { value: true } },
  web: { port: { value: true }, 'no-open': { value: false } },
  exercise: { context: { value: true }, json: { value: false }, lang: { value: true }, timeout: { value: true } },
};

function isCommand(name: string): name is keyof typeof COMMAND_FLAGS {
  return Object.prototype.hasOwnProperty.call(COMMAND_FLAGS, name);
}

/** Flags as a map; each flag at most once. */
function readFlags(command: keyof typeof COMMAND_FLAGS, args: string[], positional?: string[]): Map<string, string | true> {
  const specs = COMMAND_FLAGS[command];
  const byAlias = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    byAlias.set(name, name);
    for (const alias of spec.aliases ?? []) byAlias.set(alias, name);
  }
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match && positional) {
      positional.push(arg);
      continue;
    }
    if (!match) throw new UsageError(`Unexpected argument "${arg}" for "kse ${command}". Run "kse help" for the options.`);
    const name = byAlias.get(match[1] ?? '');
    if (!name) throw new UsageError(`Unknown option "${arg}" for "kse ${command}". Its options: ${Object.keys(specs).map((f) => `--${f}`).join(', ')}.`);
    if (flags.has(name)) throw new UsageError(`--${name} is given twice.`);
    if (!specs[name]?.value) {
      if (match[2] !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags.set(name, true);
      continue;
    }
    const value = match[2] ?? args[(i += 1)];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('-'))) {
      throw new UsageError(`--${name} needs a value.`);
    }
    flags.set(name, value);
  }
  return flags;
}

function positiveNumber(value: string | true | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} must be a positive number of seconds, got "${String(value)}".`);
  return n;
}

const text = (value: string | true | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function langOf(flags: Map<string, string | true>): Lang {
  const lang = text(flags.get('lang')) ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}".`);
  return lang as Lang;
}

function parseExercise(words: string[], flags: Map<string, string | true>, context: string | undefined, timeoutSeconds: number): CliCommand {
  const [action = 'list', which, level, ...extra] = words;
  if (!(EXERCISE_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`Unknown "kse exercise ${action}". Use one of: ${EXERCISE_ACTIONS.join(', ')}.`);
  if (action !== 'list' && which === undefined) throw new UsageError(`kse exercise ${action} needs the exercise's number (kse exercise list shows them).`);
  if (extra.length > 0 || (level !== undefined && action !== 'hint')) throw new UsageError(`Unexpected argument "${[level, ...extra].filter(Boolean)[0] ?? ''}" for "kse exercise ${action}".`);
  const n = level === undefined ? undefined : Number(level);
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new UsageError(`The hint number must be 1, 2, 3..., got "${level}".`);
  return {
    name: 'exercise',
    action: action as ExerciseAction,
    ...(which !== undefined ? { which } : {}),
    ...(n !== undefined ? { level: n } : {}),
    ...(context ? { context } : {}),
    json: flags.has('json'),
    lang: langOf(flags),
    timeoutSeconds,
  };
}

function parseDoctor(flags: Map<string, string | true>, context: string | undefined, timeoutSeconds: number, objectWords: string[]): CliCommand {
  const snapshot = text(flags.get('snapshot'));
  if (snapshot && context) throw new UsageError('Give either --context or --snapshot, not both.');
  const named = text(flags.get('contexts'));
  const all = flags.has('all-contexts');
  if (all && named) throw new UsageError('Give either --all-contexts or --contexts A,B, not both.');
  if ((all || named) && (context || snapshot)) throw new UsageError(`--${all ? 'all-contexts' : 'contexts'} checks several contexts: leave out --${context ? 'context' : 'snapshot'}.`);
  let contexts: 'all' | string[] | undefined = all ? 'all' : undefined;
  if (named) {
    contexts = [...new Set(named.split(',').map((name) => name.trim()).filter(Boolean))];
    if (contexts.length === 0) throw new UsageError('--contexts needs context names separated by commas, e.g. --contexts prod,staging.');
  }
  const concurrencyText = text(flags.get('concurrency'));
  const concurrency = concurrencyText === undefined ? DEFAULT_DOCTOR_CONCURRENCY : Number(concurrencyText);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${concurrencyText ?? ''}".`);
  if (concurrencyText !== undefined && !contexts) throw new UsageError('--concurrency applies to --all-contexts or --contexts A,B.');
  const format = text(flags.get('format')) ?? 'text';
  if (!(DOCTOR_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${DOCTOR_FORMATS.join(', ')}, got "${format}".`);
  if (format !== 'text' && flags.has('json')) throw new UsageError('Give either --json or --format, not both.');
  if (format !== 'text' && contexts) throw new UsageError(`--format ${format} writes the report of one cluster: use --context NAME (or --snapshot FILE).`);
  const namespace = text(flags.get('namespace'));
  const object = objectWords.length > 0 ? objectArg(objectWords, namespace) : undefined;
  if (object && contexts) throw new UsageError('An object is looked at in one cluster: use --context NAME (or --snapshot FILE), not --all-contexts or --contexts.');
  return {
    name: 'doctor',
    ...(object ? { object } : {}),
    ...(context ? { context } : {}),
    ...(snapshot ? { snapshot } : {}),
    ...(contexts ? { contexts } : {}),
    concurrency,
    ...(namespace ? { namespace } : {}),
    json: flags.has('json'),
    format: format as DoctorFormat,
    lang: langOf(flags),
    timeoutSeconds,
  };
}

export function parseArgs(argv: readonly string[]): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return { name: 'help' };
  if (first === 'version' || first === '--version' || first === '-v') return { name: 'version' };
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}". Commands: contexts, sync, snapshot, record, doctor, df, web, exercise. Run "kse help".`);
  if (rest.includes('--help') || rest.includes('-h')) return { name: 'help' };
  // `kse exercise check 5 --context X`: words before the options.
  const words: string[] = [];
  while (first === 'exercise' && rest[0] !== undefined && !rest[0].startsWith('-')) words.push(rest.shift() ?? '');
  // `kse doctor pvc/data -n shop`: the object, before or after the options.
  const objectWords: string[] = [];
  const flags = readFlags(first, rest, first === 'doctor' ? objectWords : undefined);
  const timeoutSeconds = positiveNumber(flags.get('timeout'), 'timeout', DEFAULT_TIMEOUT_SECONDS);
  const context = text(flags.get('context'));
  switch (first) {
    case 'contexts':
      return { name: 'contexts', json: flags.has('json') };
    case 'sync':
      return { name: 'sync', ...(context ? { context } : {}), json: flags.has('json'), timeoutSeconds };
    case 'snapshot': {
      const output = text(flags.get('output'));
      if (!output) throw new UsageError('kse snapshot needs -o FILE (where to write the snapshot).');
      return { name: 'snapshot', ...(context ? { context } : {}), output, timeoutSeconds };
    }
    case 'record': {
      const output = text(flags.get('output'));
      if (!output) throw new UsageError('kse record needs -o FILE (where to write the recording).');
      const seconds = positiveNumber(flags.get('seconds'), 'seconds', 60);
      return { name: 'record', ...(context ? { context } : {}), output, seconds, timeoutSeconds };
    }
    case 'doctor':
      return parseDoctor(flags, context, timeoutSeconds, objectWords);
    case 'df': {
      const lang = text(flags.get('lang')) ?? 'en';
      if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}".`);
      const sort = text(flags.get('sort')) ?? 'name';
      if (sort !== 'name' && sort !== 'use') throw new UsageError(`--sort must be "use" (fullest first) or "name", got "${sort}".`);
      const namespace = text(flags.get('namespace'));
      return { name: 'df', ...(context ? { context } : {}), ...(namespace ? { namespace } : {}), json: flags.has('json'), sort, lang: lang as Lang, timeoutSeconds };
    }
    case 'web': {
      const portText = text(flags.get('port'));
      let port: number | undefined;
      if (portText !== undefined) {
        port = Number(portText);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0-65535), got "${portText}".`);
      }
      return { name: 'web', ...(port !== undefined ? { port } : {}), open: !flags.has('no-open') };
    }
    case 'exercise':
      return parseExercise(words, flags, context, timeoutSeconds);
  }
}
