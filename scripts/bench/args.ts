/** `npm run bench` arguments: which sizes to seed, how many timed runs, where the results go. */

export interface BenchOptions {
  /** Sizes to measure, ascending: N PVs, N claims and 2N pods each. A larger size seeds only what is missing. */
  sizes: number[];
  /** Timed runs of each command per size (the table shows medians). */
  runs: number;
  /** Markdown file whose results table is updated; undefined: print only. */
  docsPath: string | undefined;
  /** Seconds to wait for kwok to make the pods Running before measuring anyway. */
  podsWaitSeconds: number;
  /** Concurrent create requests while seeding. */
  concurrency: number;
  /** Time the cold start to the full claims list (kse web in Chromium, and k9s). */
  coldStart: boolean;
  /** Build and time k9s beside kse in the cold start (skipped with the reason when it cannot be built). */
  k9s: boolean;
}

export class BenchUsageError extends Error {}

export const DEFAULT_N = 2_000;
export const DEFAULT_DOCS = 'docs/benchmarks.md';

export const BENCH_USAGE = `Usage: npm run bench -- [--n 2000[,10000]] [--runs 5] [--no-docs] [--pods-wait S] [--concurrency C] [--no-k9s] [--no-cold-start]

Starts its own lab, seeds N PVs, N claims and 2N pods for each N (ascending; a larger N adds to the smaller one),
and measures "kse sync" against "kubectl get sc,pv,pvc,pods -A -o json", kse's peak memory, the store's
query and update times, and the cold start to the full claims list: "kse web" in Chromium beside k9s in tmux
(k9s is built from the Go module proxy once and cached; --no-k9s leaves it out, --no-cold-start both).
Results go to ${DEFAULT_DOCS} unless --no-docs.
Environment: KSE_BENCH_N (like --n), KSE_BENCH_RUNS (like --runs).
`;

export function positiveInt(text: string, what: string): number {
  const trimmed = text.trim().replace(/_/g, '');
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) throw new BenchUsageError(`${what} must be a positive whole number, got "${text}".`);
  return Number(trimmed);
}

/** "2000,10000" -> [2000, 10000], sorted and without repeats. */
export function parseSizes(text: string): number[] {
  const sizes = text.split(',').filter((part) => part.trim() !== '').map((part) => positiveInt(part, 'N'));
  if (sizes.length === 0) throw new BenchUsageError(`--n needs at least one size, e.g. --n 2000 or --n 2000,10000.`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

const VALUE_FLAGS = new Set(['n', 'runs', 'pods-wait', 'concurrency']);
const SWITCHES = new Set(['no-docs', 'help', 'no-k9s', 'no-cold-start']);

/** Parses argv (after `--`) over the environment; flags win over the environment. */
export function parseBenchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BenchOptions | 'help' {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new BenchUsageError(`Unexpected argument "${arg}".\n${BENCH_USAGE}`);
    const [, name = '', inline] = match;
    if (SWITCHES.has(name)) {
      if (inline !== undefined) throw new BenchUsageError(`--${name} takes no value.`);
      switches.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new BenchUsageError(`--${name} needs a value.`);
      values.set(name, value);
    } else {
      throw new BenchUsageError(`Unknown option --${name}.\n${BENCH_USAGE}`);
    }
  }
  if (switches.has('help')) return 'help';
  const sizesText = values.get('n') ?? env.KSE_BENCH_N;
  const runsText = values.get('runs') ?? env.KSE_BENCH_RUNS;
  return {
    sizes: sizesText ? parseSizes(sizesText) : [DEFAULT_N],
    runs: runsText ? positiveInt(runsText, 'runs') : 5,
    docsPath: switches.has('no-docs') ? undefined : DEFAULT_DOCS,
    podsWaitSeconds: values.has('pods-wait') ? Number(positiveIntOrZero(values.get('pods-wait') ?? '')) : 120,
    concurrency: values.has('concurrency') ? positiveInt(values.get('concurrency') ?? '', 'concurrency') : 24,
    coldStart: !switches.has('no-cold-start'),
    k9s: !switches.has('no-k9s') && !switches.has('no-cold-start'),
  };
}

function positiveIntOrZero(text: string): number {
  if (text.trim() === '0') return 0;
  return positiveInt(text, 'pods-wait');
}
