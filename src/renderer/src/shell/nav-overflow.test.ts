import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsToMenu, NAV_HYSTERESIS_PX, stripLayout, stripOrder, type NavItemFit, type StripLayout } from './nav-overflow';

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

describe('picking a view from the menu (trial 9)', () => {
  // Eight views of 100 px, ranked in order (the first stays longest), 4 px gaps, a 60 px menu button, 560 px:
  // four views (412) and the button (64) fit, 476 px; five (516 + 64 = 580) do not.
  const eight = items(100, 100, 100, 100, 100, 100, 100, 100);
  const at = (current: number, previous?: StripLayout) => stripLayout(560, eight, 60, 4, current, previous);

  it('keeps the strip as ranks make it while the current view is on it', () => {
    const layout = at(0);
    expect(layout.menu).toEqual([4, 5, 6, 7]);
    expect(stripOrder(8, layout)).toEqual([0, 1, 2, 3]);
  });

  it('puts the picked view in the last slot; only the view there goes to the menu', () => {
    const before = at(0);
    const picked = at(6, before);
    expect(stripOrder(8, picked)).toEqual([0, 1, 2, 6]);
    expect(picked.menu).toEqual([3, 4, 5, 7]);
    // Another pick takes the same slot, and the view picked before goes back to the menu: nothing else moves.
    const again = at(5, picked);
    expect(stripOrder(8, again)).toEqual([0, 1, 2, 5]);
    expect(again.menu).toEqual([3, 4, 6, 7]);
  });

  it('a picked view keeps its slot while the user goes to a view already on the strip', () => {
    const picked = at(6, at(0));
    expect(stripOrder(8, at(1, picked))).toEqual([0, 1, 2, 6]);
  });

  it('the view the slot displaced, picked in turn, takes the slot; a narrower one brings nothing back', () => {
    const fits = eight.map((f, i) => (i === 6 ? { ...f, width: 200 } : f));
    const picked = stripLayout(560, fits, 60, 4, 6, stripLayout(560, fits, 60, 4, 0));
    expect(stripOrder(8, picked)).toEqual([0, 1, 6]);
    const back = stripLayout(560, fits, 60, 4, 1, picked);
    const displacedPicked = stripLayout(560, fits, 60, 4, 3, back);
    expect(stripOrder(8, displacedPicked)).toEqual([0, 1, 3]);
    expect(displacedPicked.menu).toEqual([2, 4, 5, 6, 7]);
  });

  it('the current view in the slot stays there when the ranks change under it (counts arriving)', () => {
    const fits = eight.map((f, i) => (i === 6 ? { ...f, width: 200 } : f));
    // View 3, displaced by the slot, picked: it takes the slot.
    const picked = stripLayout(560, fits, 60, 4, 3, stripLayout(560, fits, 60, 4, 6, stripLayout(560, fits, 60, 4, 0)));
    expect(stripOrder(8, picked)).toEqual([0, 1, 3]);
    // A count arrives beside view 0, wide enough for the ranks to be worked out again (one view fewer fits):
    // view 3 keeps the last slot and view 2, displaced before, stays in the menu.
    const wider = fits.map((f, i) => (i === 0 ? { ...f, width: 190 } : f));
    const after = stripLayout(560, wider, 60, 4, 3, picked);
    expect(after.byRank).not.toEqual(picked.byRank);
    expect(stripOrder(8, after)).toEqual([0, 1, 3]);
    // A count narrower by much more (the ranks now keep view 3 and 4 on the strip): view 3 is still in the slot.
    const narrower = fits.map((f, i) => (i === 0 ? { ...f, width: 40 } : f));
    const roomy = stripLayout(560, narrower, 60, 4, 3, picked);
    expect(roomy.byRank).toEqual([5, 6, 7]);
    expect(stripOrder(8, roomy).at(-1)).toBe(3);
  });

  it('a view displaced by the slot comes back only with room to spare', () => {
    const fits = eight.map((f, i) => (i === 6 ? { ...f, width: 200 } : f));
    const picked = stripLayout(560, fits, 60, 4, 6, stripLayout(560, fits, 60, 4, 0));
    expect(stripOrder(8, picked)).toEqual([0, 1, 6]);
    // [0, 1, 2, 6] needs 300 + 200 + 12 + 64 = 576 px: at 580 it would fit, but not with room to spare.
    expect(stripOrder(8, stripLayout(580, fits, 60, 4, 6, picked))).toEqual([0, 1, 6]);
    expect(stripOrder(8, stripLayout(600, fits, 60, 4, 6, picked))).toEqual([0, 1, 2, 6]);
  });

  it('a wide picked view displaces what it needs from the end of the strip, never the current view', () => {
    const fits = eight.map((f, i) => (i === 7 ? { ...f, width: 190 } : f));
    const picked = stripLayout(560, fits, 60, 4, 7, stripLayout(560, fits, 60, 4, 0));
    expect(stripOrder(8, picked)).toEqual([0, 1, 7]);
    // The current view first on the strip is never displaced, even when nothing else is left to give room.
    const wide = eight.map((f, i) => (i === 7 ? { ...f, width: 500 } : f));
    const sticky = stripLayout(560, wide, 60, 4, 1, { byRank: [4, 5, 6, 7], menu: [4, 5, 6, 7], promoted: 7 });
    expect(stripOrder(8, sticky)).toContain(1);
  });

  it('the current view is never in the menu', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ width: fc.integer({ min: 20, max: 160 }), rank: fc.integer({ min: 0, max: 20 }) }), { minLength: 2, maxLength: 14 }),
        fc.integer({ min: 100, max: 1200 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (fits, available, picks) => {
          let layout: StripLayout | undefined;
          for (const p of picks) {
            const current = p % fits.length;
            layout = stripLayout(available, fits, 56, 4, current, layout);
            expect(layout.menu).not.toContain(current);
            expect(stripOrder(fits.length, layout)).toContain(current);
            expect(stripOrder(fits.length, layout).length + layout.menu.length).toBe(fits.length);
          }
        },
      ),
    );
  });
});

describe('counts changing by a digit (trial 9 review)', () => {
  // Five views of 100 px, 4 px gaps, a 60 px menu button. At 516 px all five fit (516) without the menu.
  const five = (first: number) => items(first, 100, 100, 100, 100);

  it('a view that left for the menu comes back only with room to spare', () => {
    // A count a digit wider: 524 px no longer fits 516, the least ranked view leaves.
    const wider = stripLayout(516, five(108), 60, 4, 0);
    expect(wider.menu).toEqual([4]);
    // The count back a digit narrower: everything would fit again (516), but the strip stays as it is.
    const back = stripLayout(516, five(100), 60, 4, 0, wider);
    expect(back.menu).toEqual([4]);
    // Widen the pane by more than the hysteresis: the view comes back.
    expect(stripLayout(516 + NAV_HYSTERESIS_PX, five(100), 60, 4, 0, back).menu).toEqual([]);
  });

  it('flips nothing while a count goes up and down by a digit on every refetch', () => {
    const eight = (first: number) => items(first, 100, 100, 100, 100, 100, 100, 100);
    let layout = stripLayout(580, eight(100), 60, 4, 0);
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      layout = stripLayout(580, eight(i % 2 ? 108 : 100), 60, 4, 0, layout);
      if (i > 0) seen.add(layout.menu.join());
    }
    expect(seen.size).toBe(1);
  });

  it('still leaves a row that fits: a wider count that no longer fits moves a view at once', () => {
    const fitted = stripLayout(580, items(100, 100, 100, 100, 100, 100, 100, 100), 60, 4, 0);
    const grown = stripLayout(580, items(130, 100, 100, 100, 100, 100, 100, 100), 60, 4, 0, fitted);
    const left = stripOrder(8, grown);
    const width = left.reduce((s, i) => s + (i === 0 ? 130 : 100), 0) + 4 * (left.length - 1) + 4 + 60;
    expect(width).toBeLessThanOrEqual(580);
  });
});
