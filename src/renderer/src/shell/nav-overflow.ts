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

/**
 * Room (px) an item needs beyond a bare fit before it comes back from the menu: a count beside a view growing or
 * shrinking by a digit (about 8 px at 13 px; a refetch can change two counts at once) must not move views in and
 * out of the menu on every refetch.
 */
export const NAV_HYSTERESIS_PX = 24;

/** A narrow strip's arrangement. Indices are into the measured items (navigation order). */
export interface StripLayout {
  /** What leaves for the menu by rank alone, before the promoted view takes a slot (kept for hysteresis). */
  byRank: number[];
  /** The items in the menu, in navigation order. */
  menu: number[];
  /**
   * A view from the menu shown in the strip's last slot (-1: none): the current view when its rank would put it
   * in the menu, or the one picked from the menu before, which keeps its slot while the current view is on the
   * strip anyway (the strip does not change under the user).
   */
  promoted: number;
}

export const NO_STRIP_LAYOUT: StripLayout = { byRank: [], menu: [], promoted: -1 };

/** The width of a row of these items, with gaps, and the menu button when `withMore`. */
function rowOf(items: readonly NavItemFit[], indices: readonly number[], gap: number, more: number): number {
  const sum = indices.reduce((s, i) => s + (items[i]?.width ?? 0), 0) + gap * Math.max(0, indices.length - 1);
  return more > 0 ? sum + gap + more : sum;
}

/**
 * The strip's arrangement for the current view at index `current`, given the `previous` one (trial 9 of issue 8:
 * picking a view from the menu reshuffled the strip, the picked view jumping to its place in the order and other
 * views moving in and out of the menu, so the user lost their place).
 *
 * - Which views leave by rank (itemsToMenu) stays as it was while it still fits and `NAV_HYSTERESIS_PX` less room
 *   would not let more views back: a count a digit wider or narrower moves nothing.
 * - A current view that would be in the menu takes the strip's last slot; the views at the strip's end give up
 *   their room (one, unless it is much wider), the current view never. Every other view keeps its place.
 * - Picking another view from the menu puts it in that same slot and the view there goes back to the menu.
 */
export function stripLayout(
  available: number,
  items: readonly NavItemFit[],
  moreWidth: number,
  gap: number,
  current: number,
  previous: StripLayout = NO_STRIP_LAYOUT,
): StripLayout {
  const all = items.map((_, i) => i);
  const visibleBy = (out: readonly number[]) => all.filter((i) => !out.includes(i));
  const keepPrevious =
    previous.byRank.every((i) => i < items.length) &&
    rowOf(items, visibleBy(previous.byRank), gap, previous.byRank.length > 0 ? moreWidth : 0) <= available + 0.5 &&
    itemsToMenu(available - NAV_HYSTERESIS_PX, items, moreWidth, gap, -1).length >= previous.byRank.length;
  const byRank = keepPrevious ? [...previous.byRank] : itemsToMenu(available, items, moreWidth, gap, -1);
  if (byRank.length === 0) return { byRank, menu: [], promoted: -1 };
  // The current view takes the slot when it is not on the strip: by rank, displaced there by the slot before, or
  // already in the slot (it stays there when the ranks change under it: counts arriving).
  const inSlot = byRank.includes(current) || previous.menu.includes(current) || previous.promoted === current;
  const promoted = inSlot ? current : byRank.includes(previous.promoted) ? previous.promoted : -1;
  if (promoted < 0) return { byRank, menu: byRank, promoted };
  const strip = visibleBy(byRank).filter((i) => i !== promoted);
  // Views the slot displaced before stay in the menu: a narrower view picked into the slot, or a count a digit
  // narrower, brings none back (nothing moves). With the same view in the slot and NAV_HYSTERESIS_PX to spare (the
  // pane widened), one comes back before the slot.
  const fitsWith = (shown: number[], spare: number) => rowOf(items, [...shown, promoted], gap, moreWidth) + spare <= available + 0.5;
  const displaced = strip.filter((i) => previous.menu.includes(i) && i !== current);
  for (const i of promoted === previous.promoted ? [...displaced] : []) {
    const shown = strip.filter((s) => s === i || !displaced.includes(s));
    if (fitsWith(shown, NAV_HYSTERESIS_PX)) displaced.splice(displaced.indexOf(i), 1);
    else break;
  }
  for (let i = strip.length - 1; i >= 0; i--) {
    if (fitsWith(strip.filter((s) => !displaced.includes(s)), 0)) break;
    const last = strip[i]!;
    if (last !== current && !displaced.includes(last)) displaced.push(last);
  }
  const menu = [...byRank.filter((i) => i !== promoted), ...displaced].sort((a, b) => a - b);
  return { byRank, menu, promoted };
}

/** The strip's items in the order drawn: the views on the strip in navigation order, then the promoted one. */
export function stripOrder(count: number, layout: StripLayout): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!layout.menu.includes(i) && i !== layout.promoted) out.push(i);
  return layout.promoted >= 0 ? [...out, layout.promoted] : out;
}
