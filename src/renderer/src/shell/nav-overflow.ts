/**
 * Which views of a pane's navigation strip leave for its "More" menu when the strip does not fit one row.
 *
 * Trial 8 of issue 8, T8-5: side by side at 1280x720 in Russian, each pane's view strip wrapped onto three rows
 * (97 px) above a table that had 400 px left. The strip now keeps one row: the views used least leave first for a
 * menu at its end, the current view never leaves, and the order of those left is the navigation's own.
 */

/** One item of the strip as measured: its width with its count (px), and its rank (smaller leaves first). */
export interface NavItemFit {
  width: number;
  rank: number;
}

/**
 * The indices of the items that go to the menu, in navigation order, so that the rest plus the menu button
 * (`moreWidth` px) fit `available` px with `gap` px between items. None leave while everything fits without the
 * menu. The item at `keep` (the current view; -1 for none) never leaves; when nothing else is left to remove,
 * what remains stays on the row even if it does not fit (the row clips rather than hiding the current view).
 */
export function itemsToMenu(available: number, items: readonly NavItemFit[], moreWidth: number, gap: number, keep: number): number[] {
  const rowWidth = (widths: number[]) => widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
  if (rowWidth(items.map((i) => i.width)) <= available + 0.5) return [];
  const order = items
    .map((item, index) => ({ ...item, index }))
    .filter((item) => item.index !== keep)
    .sort((a, b) => a.rank - b.rank || b.index - a.index);
  const out = new Set<number>();
  const room = available - moreWidth - gap;
  for (const item of order) {
    const left = items.filter((_, i) => !out.has(i)).map((i) => i.width);
    if (rowWidth(left) <= room + 0.5) break;
    out.add(item.index);
  }
  return [...out].sort((a, b) => a - b);
}
