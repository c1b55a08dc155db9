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

  it('does not count twice what an item inside a leaving one already freed', () => {
    // The summary (rank 5, 280 px) holds its age (rank 2, 120 px): once the age left, the summary frees 160 px more.
    const nested = [{ frees: 280, rank: 5 }, { frees: 120, rank: 2, within: 0 }, { frees: 100, rank: 3 }, { frees: 50, rank: 6 }];
    expect(itemsToDrop(1000, 1200, nested)).toEqual([1, 2]);
    expect(itemsToDrop(1000, 1300, nested)).toEqual([0, 1, 2]);
    // 1390 - 120 - 100 - 160 = 1010: the last item leaves too (counted twice, the summary would seem to free 280).
    expect(itemsToDrop(1000, 1390, nested)).toEqual([0, 1, 2, 3]);
  });
});
