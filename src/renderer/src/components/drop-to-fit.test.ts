import { describe, expect, it } from 'vitest';
import { itemsToDrop } from './drop-to-fit';

describe('itemsToDrop', () => {
  const strip = [
    { frees: 53, rank: 1 }, // server version
    { frees: 287, rank: 2 }, // summary
    { frees: 150, rank: 3 }, // capture date inside the source tag
    { frees: 120, rank: 4 }, // the replay's words
  ];
  it('drops nothing while the row fits', () => {
    expect(itemsToDrop(1200, 1200, strip)).toEqual([]);
  });
  it('drops whole items, lowest rank first, only as many as needed', () => {
    expect(itemsToDrop(1200, 1240, strip)).toEqual([0]);
    expect(itemsToDrop(1200, 1300, strip)).toEqual([0, 1]);
    expect(itemsToDrop(600, 1100, strip)).toEqual([0, 1, 2, 3]);
  });
  it('drops every candidate when the row still does not fit, and ranks ties in document order', () => {
    expect(itemsToDrop(10, 1000, strip)).toEqual([0, 1, 2, 3]);
    expect(itemsToDrop(100, 130, [{ frees: 20, rank: 1 }, { frees: 20, rank: 1 }])).toEqual([0, 1]);
    expect(itemsToDrop(100, 110, [{ frees: 20, rank: 2 }, { frees: 20, rank: 1 }])).toEqual([1]);
  });
});
