/**
 * A one-row bar whose items have priorities: when the row does not fit, the least important items leave whole
 * (visually hidden, still read by screen readers, their text in a tooltip elsewhere) before anything is cut.
 *
 * Trial 5 of issue 8, N-D8: at 1280x720 the status strip shrank every text at once, «ДЕМО · СНЯТ 1 ДЕК. 202…»,
 * «v…», «изменено только ч…»; in split view «Де…», «Д…», «С…». A cut text says nothing; a missing version does
 * not hurt while the cluster's name and source read whole.
 *
 * Markup: an item that may leave carries `data-drop="N"` (smaller N leaves first); it may sit anywhere in the bar
 * (a capture date inside the source tag). Leaving adds the class `drop-fit-out` (styles/layout.css: visually
 * hidden, like .sr-only, so an aria-live summary keeps announcing).
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** One item that may leave: how much row it frees, px (its width and the gap it no longer needs), and its rank. */
export interface DropCandidate {
  frees: number;
  /** Smaller leaves first; equal ranks leave in document order. */
  rank: number;
  /** Index of the candidate this one sits in: what it freed is not freed again when that one leaves. */
  within?: number;
}

/**
 * Which candidates leave (their indices) so that `needed` px fit `available` px: the fewest, lowest-ranked first.
 * Nothing leaves while the row fits; when every candidate has left and it still does not fit, all of them leave
 * (the texts that may be cut give way after that).
 */
export function itemsToDrop(available: number, needed: number, candidates: readonly DropCandidate[]): number[] {
  const order = candidates.map((c, i) => ({ ...c, i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const out: number[] = [];
  let left = needed;
  for (const c of order) {
    if (left <= available + 0.5) break;
    out.push(c.i);
    const freedInside = out.reduce((sum, k) => sum + (candidates[k]!.within === c.i ? candidates[k]!.frees : 0), 0);
    left -= c.frees - freedInside;
  }
  return out.sort((a, b) => a - b);
}

export const DROPPED_CLASS = 'drop-fit-out';

/** An element's width with nothing in it cut: its box plus what its ellipsis texts (itself included) hide, px. */
function naturalWidth(el: HTMLElement): number {
  let width = el.getBoundingClientRect().width;
  for (const e of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
    if (getComputedStyle(e).textOverflow === 'ellipsis') width += Math.max(0, e.scrollWidth - e.clientWidth);
  }
  return width;
}

/**
 * Lays the bar out again: every item back, measured whole, then the least important leave until the row fits.
 * A bar may have lines (`data-fit-line` children): shown as `display: contents` they are parts of the bar's one
 * row; shown as boxes (rows of their own, e.g. the status strip of a narrow pane) each is fitted apart.
 */
export function fitRow(bar: HTMLElement): void {
  const items = [...bar.querySelectorAll<HTMLElement>('[data-drop]')];
  for (const item of items) item.classList.remove(DROPPED_CLASS);
  const lines = [...bar.querySelectorAll<HTMLElement>(':scope > [data-fit-line]')].filter((line) => getComputedStyle(line).display !== 'contents');
  for (const row of lines.length > 0 ? lines : [bar]) fitOneRow(row, items.filter((item) => row.contains(item)));
}

/** The elements laid out in `row`: its children, and the children of those shown as `display: contents`. */
function rowItems(row: HTMLElement): HTMLElement[] {
  return [...row.children].flatMap((c) => {
    if (!(c instanceof HTMLElement)) return [];
    const style = getComputedStyle(c);
    if (style.display === 'contents') return rowItems(c);
    return style.position !== 'absolute' && style.display !== 'none' ? [c] : [];
  });
}

function fitOneRow(row: HTMLElement, items: HTMLElement[]): void {
  const style = getComputedStyle(row);
  const gap = parseFloat(style.columnGap) || 0;
  const available = row.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  const inRow = rowItems(row);
  const needed = inRow.reduce((sum, c) => sum + naturalWidth(c), 0) + gap * Math.max(0, inRow.length - 1);
  const candidates: DropCandidate[] = items.map((item) => {
    const parent = item.parentElement?.closest('[data-drop]');
    const within = parent && row.contains(parent) ? items.indexOf(parent as HTMLElement) : -1;
    return {
      frees: naturalWidth(item) + (inRow.includes(item) ? gap : 0),
      rank: Number(item.dataset.drop) || 0,
      ...(within >= 0 ? { within } : {}),
    };
  });
  for (const i of itemsToDrop(available, needed, candidates)) items[i]!.classList.add(DROPPED_CLASS);
}

/** Fits the bar after every render (its texts change: ages, the replay's position) and whenever its width changes. */
export function useDropToFit(ref: RefObject<HTMLElement | null>): void {
  const watched = useRef<{ bar: HTMLElement; observer: ResizeObserver }>(undefined);
  useLayoutEffect(() => {
    const bar = ref.current;
    if (bar) fitRow(bar);
    // The bar element can change (a loading row, then the strip): watch the one on screen.
    if (watched.current?.bar === bar) return;
    watched.current?.observer.disconnect();
    watched.current = undefined;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => fitRow(bar));
    observer.observe(bar);
    watched.current = { bar, observer };
  });
  useEffect(() => () => watched.current?.observer.disconnect(), []);
}
