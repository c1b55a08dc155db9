import { describe, expect, it } from 'vitest';
import { BenchUsageError, DEFAULT_DOCS, parseBenchArgs, parseSizes } from './args';

describe('parseBenchArgs', () => {
  it('defaults to N = 2,000, five runs and the docs file', () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [2000], runs: 5, docsPath: DEFAULT_DOCS, podsWaitSeconds: 120, concurrency: 24, coldStart: true, k9s: true });
  });

  it('leaves out k9s, or the whole cold start, when asked', () => {
    expect(parseBenchArgs(['--no-k9s'])).toMatchObject({ coldStart: true, k9s: false });
    expect(parseBenchArgs(['--no-cold-start'])).toMatchObject({ coldStart: false, k9s: false });
  });

  it('reads N from --n, --n=, or the environment, the flag winning', () => {
    expect(parseBenchArgs(['--n', '500'])).toMatchObject({ sizes: [500] });
    expect(parseBenchArgs(['--n=10_000'])).toMatchObject({ sizes: [10000] });
    expect(parseBenchArgs([], { KSE_BENCH_N: '300' })).toMatchObject({ sizes: [300] });
    expect(parseBenchArgs(['--n', '40'], { KSE_BENCH_N: '300', KSE_BENCH_RUNS: '2' })).toMatchObject({ sizes: [40], runs: 2 });
  });

  it('takes several sizes, ascending and unique', () => {
    expect(parseSizes('10000,2000,2000')).toEqual([2000, 10000]);
  });

  it('switches and other values', () => {
    expect(parseBenchArgs(['--no-docs', '--runs', '3', '--pods-wait', '0', '--concurrency', '8'])).toMatchObject({ docsPath: undefined, runs: 3, podsWaitSeconds: 0, concurrency: 8 });
    expect(parseBenchArgs(['--help'])).toBe('help');
  });

  it('rejects what it cannot use, saying what is wrong', () => {
    expect(() => parseBenchArgs(['--n', 'lots'])).toThrow(/N must be a positive whole number, got "lots"/);
    expect(() => parseBenchArgs(['--n', '0'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--n'])).toThrow(/--n needs a value/);
    expect(() => parseBenchArgs(['--n', '--runs', '2'])).toThrow(/--n needs a value/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option --fast/);
    expect(() => parseBenchArgs(['2000'])).toThrow(/Unexpected argument "2000"/);
    expect(() => parseBenchArgs(['--no-docs=yes'])).toThrow(/takes no value/);
  });
});
