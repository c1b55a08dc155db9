import { describe, expect, it } from 'vitest';
import { growStableWidths, nextStableWidths, type StableWidthsState } from './stable-widths';

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

  it('let columns only grow when the set of rows changes (a replay adds pods after the first one was laid out)', () => {
    let s = nextStableWidths(undefined, 'demo/pods', 'x', m([['name', 33], ['age', 44]]), '8|1');
    // Sorting and scrolling keep the row set: nothing moves.
    s = nextStableWidths(s, 'demo/pods', 'x', m([['name', 176], ['age', 40]]), '8|1');
    expect(Object.fromEntries(s.applied)).toEqual({ name: 33, age: 44 });
    // The other rows arrived: the name grows, the age does not shrink.
    s = nextStableWidths(s, 'demo/pods', 'x', m([['name', 176], ['age', 40]]), '8|8');
    expect(Object.fromEntries(s.applied)).toEqual({ name: 176, age: 44 });
  });

  it('grow a column kept whole when a wider chip is on screen, and keep the same object otherwise', () => {
    const s = nextStableWidths(undefined, 't', 'x', m([['badge', 96], ['name', 120]]));
    const grown = growStableWidths(s, m([['badge', 150]]));
    expect(Object.fromEntries(grown.applied)).toEqual({ badge: 150, name: 120 });
    expect(growStableWidths(grown, m([['badge', 100]]))).toBe(grown);
    // Before any layout moment there is nothing to grow.
    const empty = nextStableWidths(undefined, 't', 'x', m([]));
    expect(growStableWidths(empty, m([['badge', 150]])).applied.size).toBe(0);
  });
});
