import { describe, expect, it } from 'vitest';
import { parseScreenArgs } from './screen-args';

describe('bench:screen arguments', () => {
  it('defaults: 1,000 and 10,000 claims, 100 writes/s for 60 s, 10 s of scrolling, results to the docs', () => {
    expect(parseScreenArgs([])).toEqual({ sizes: [1000, 10000], seconds: 60, rate: 100, graceSeconds: 15, scrollSeconds: 10, docsPath: 'docs/benchmarks.md' });
  });
  it('reads sizes, time, rate, grace, scroll and --no-docs', () => {
    expect(parseScreenArgs(['--n', '200', '--seconds=20', '--rate', '50', '--grace', '3', '--scroll', '0', '--no-docs'])).toEqual({
      sizes: [200],
      seconds: 20,
      rate: 50,
      graceSeconds: 3,
      scrollSeconds: 0,
      docsPath: undefined,
    });
    expect(parseScreenArgs(['--seconds', '20'])).toMatchObject({ scrollSeconds: 6 });
  });
  it('refuses unknown options, missing values and a scroll longer than half the run', () => {
    expect(() => parseScreenArgs(['--fast'])).toThrow(/Unknown option --fast/);
    expect(() => parseScreenArgs(['--rate'])).toThrow(/--rate needs a value/);
    expect(() => parseScreenArgs(['--seconds', '10', '--scroll', '8'])).toThrow(/at most half/);
    expect(parseScreenArgs(['--help'])).toBe('help');
  });
});
