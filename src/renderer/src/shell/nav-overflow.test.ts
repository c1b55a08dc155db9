import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsToMenu, type NavItemFit } from './nav-overflow';

const items = (...widths: number[]): NavItemFit[] => widths.map((width, i) => ({ width, rank: widths.length - i }));

describe('the view strip of a narrow pane', () => {
  it('keeps every view while one row holds them', () => {
    expect(itemsToMenu(300, items(100, 100, 90), 60, 4, 0)).toEqual([]);
  });

  it('moves the views of least rank to the menu until the rest and the menu button fit', () => {
    // 5 views of 100 px, 4 px gaps, 350 px: three would need 308 + 4 + 60 (More) = 372, two 204 + 64 = 268.
    expect(itemsToMenu(350, items(100, 100, 100, 100, 100), 60, 4, 0)).toEqual([2, 3, 4]);
  });

  it('never moves the current view, and takes another in its place', () => {
    expect(itemsToMenu(350, items(100, 100, 100, 100, 100), 60, 4, 4)).toEqual([1, 2, 3]);
  });

  it('follows the ranks, not the order', () => {
    const fits: NavItemFit[] = [
      { width: 100, rank: 9 },
      { width: 100, rank: 1 },
      { width: 100, rank: 8 },
      { width: 100, rank: 2 },
    ];
    expect(itemsToMenu(280, fits, 60, 4, 0)).toEqual([1, 3]);
  });

  it('always leaves a row that fits with its menu, or only the current view', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ width: fc.integer({ min: 20, max: 160 }), rank: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 60, max: 1200 }),
        fc.nat(),
        (fits, available, k) => {
          const keep = k % fits.length;
          const out = itemsToMenu(available, fits, 56, 4, keep);
          expect(out).not.toContain(keep);
          const left = fits.filter((_, i) => !out.includes(i));
          const width = left.reduce((s, f) => s + f.width, 0) + 4 * (left.length - 1);
          if (out.length === 0) expect(width <= available + 0.5 || left.length === 1).toBe(true);
          else expect(width <= available - 60 + 0.5 || left.length === 1).toBe(true);
        },
      ),
    );
  });
});
