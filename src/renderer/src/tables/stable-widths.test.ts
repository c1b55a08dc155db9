import { describe, expect, it } from 'vitest';
import { nextStableWidths, type StableWidthsState } from './stable-widths';

const m = (entries: [string, number][]) => new Map(entries);

describe('stable column widths', () => {
  it('take the first rows shown, then hold still while sorting and scrolling bring other rows', () => {
    let s: StableWidthsState | undefined = nextStableWidths(undefined, 'demo/claims', '1200|en', m([]));
    expect(s.applied.size).toBe(0);
    s = nextStableWidths(s, 'demo/claims', '1200|en', m([['name', 169], ['volume', 140]]));
    expect([...s.applied]).toEqual([['name', 169], ['volume', 140]]);
    // A sort by class, a scroll to the bottom: other rows, wider and narrower; the applied widths stay.
    for (const rows of [m([['name', 178], ['volume', 76]]), m([['name', 158], ['access', 90]]), m([['name', 183]])]) {
      s = nextStableWidths(s, 'demo/claims', '1200|en', rows);
      expect([...s.applied]).toEqual([['name', 169], ['volume', 140]]);
    }
    // The next layout moment (the panel opened, a column resized) measures the rows on screen then.
    s = nextStableWidths(s, 'demo/claims', '760|en', m([['name', 183], ['volume', 100]]));
    expect(Object.fromEntries(s.applied)).toEqual({ name: 183, volume: 100 });
    // A moment while rows are loading keeps what there was.
    s = nextStableWidths(s, 'demo/claims', '900|en', m([]));
    expect(Object.fromEntries(s.applied)).toEqual({ name: 183, volume: 100 });
  });

  it('start over for another table', () => {
    const s = nextStableWidths(nextStableWidths(undefined, 'demo/claims', 'x', m([['name', 300]])), 'demo/volumes', 'x', m([['name', 90]]));
    expect(Object.fromEntries(s.applied)).toEqual({ name: 90 });
  });

  it('keep the same state object when nothing changed, so renders stay cheap', () => {
    const s = nextStableWidths(undefined, 't', 'x', m([['a', 10]]));
    expect(nextStableWidths(s, 't', 'x', m([['a', 50]]))).toBe(s);
  });

  it('measure only at a layout moment when given a function', () => {
    let calls = 0;
    const measure = () => {
      calls += 1;
      return m([['a', 10]]);
    };
    const s = nextStableWidths(undefined, 't', 'x', measure);
    nextStableWidths(s, 't', 'x', measure);
    expect(calls).toBe(1);
  });
});
