/** `npm run bench:screen` arguments: sizes, how long and how fast to patch, where the results go. */
import { BenchUsageError, DEFAULT_DOCS, parseSizes, positiveInt } from './args';

export interface ScreenOptions {
  /** Sizes, ascending: N PVs, N claims and 2N pods each; a larger size seeds only what is missing. */
  sizes: number[];
  /** Seconds of patching per size. */
  seconds: number;
  /** Writes per second, spread evenly over the rows on screen. */
  rate: number;
  /** Seconds to wait after the last write for the last values to show before counting the rest as dropped. */
  graceSeconds: number;
  /** Seconds of scrolling in the middle of the patching (0: none). */
  scrollSeconds: number;
  /** Markdown file whose table is updated; undefined: print only. */
  docsPath: string | undefined;
}

export const SCREEN_USAGE = `Usage: npm run bench:screen -- [--n 1000,10000] [--seconds 60] [--rate 100] [--grace 15] [--scroll 10] [--no-docs]

Starts its own lab, seeds N PVs, N claims and 2N pods for each N, opens the Claims table of "kse web" in
Chromium (1440x900), and patches the status.capacity of the claims on screen at a steady rate, timing each
write until its row shows the new size; --scroll seconds of scrolling happen in the middle. Results go to
${DEFAULT_DOCS} unless --no-docs.
`;

const VALUE_FLAGS = new Set(['n', 'seconds', 'rate', 'grace', 'scroll']);

export function parseScreenArgs(argv: readonly string[]): ScreenOptions | 'help' {
  const values = new Map<string, string>();
  let noDocs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new BenchUsageError(`Unexpected argument "${arg}".\n${SCREEN_USAGE}`);
    const [, name = '', inline] = match;
    if (name === 'help') return 'help';
    if (name === 'no-docs') {
      noDocs = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new BenchUsageError(`Unknown option --${name}.\n${SCREEN_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new BenchUsageError(`--${name} needs a value.`);
    values.set(name, value);
  }
  const number = (name: string, fallback: number) => (values.has(name) ? positiveInt(values.get(name) ?? '', `--${name}`) : fallback);
  const seconds = number('seconds', 60);
  const scrollSeconds = values.get('scroll')?.trim() === '0' ? 0 : number('scroll', Math.min(10, Math.floor(seconds / 3)));
  if (scrollSeconds > seconds / 2) throw new BenchUsageError(`--scroll (${scrollSeconds} s) must be at most half of --seconds (${seconds} s): the rest measures rows that stay on screen.`);
  return {
    sizes: values.has('n') ? parseSizes(values.get('n') ?? '') : [1000, 10000],
    seconds,
    rate: number('rate', 100),
    graceSeconds: number('grace', 15),
    scrollSeconds,
    docsPath: noDocs ? undefined : DEFAULT_DOCS,
  };
}
