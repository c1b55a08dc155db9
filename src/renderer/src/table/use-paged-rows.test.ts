import { describe, expect, it } from 'vitest';
import { pagesFor } from './use-paged-rows';

describe('pagesFor', () => {
  it('covers the visible range with whole pages', () => {
    expect(pagesFor(0, 30, 10_000, 200)).toEqual([0]);
    expect(pagesFor(190, 230, 10_000, 200)).toEqual([0, 1]);
    expect(pagesFor(5_000, 5_040, 10_000, 200)).toEqual([25]);
  });
  it('clamps to the rows that exist', () => {
    expect(pagesFor(180, 260, 205, 200)).toEqual([0, 1]);
    expect(pagesFor(180, 260, 150, 200)).toEqual([0]);
    expect(pagesFor(0, 30, 0, 200)).toEqual([0]);
  });
  it('asks for the first page while the total is unknown', () => {
    expect(pagesFor(0, 20, undefined, 200)).toEqual([0]);
  });
});
