/**
 * Cuts text in the middle to fit a width: Kubernetes names differ at their ends ("data-postgres-orders-replica-17"
 * vs "-18"; "pvc-10075-…-000000000117"), so "data-postgres-…-replica-17" tells rows apart where an ellipsis at
 * the end ("data-postgres-orders-re…") does not. The whole text stays in the cell's title.
 */

/** Measures text in px in the table's font; an estimate where no canvas is available (tests). */
export type Measure = (text: string) => number;

/** ~7.4 px a character: the average of 13 px system-ui over Kubernetes names. */
export const estimateWidth: Measure = (text) => text.length * 7.4;

const ELLIPSIS = '…';

/**
 * The longest "start…end" of `text` that measures at most `maxPx` (the end gets the larger half). Text that
 * fits is returned as is; when nothing fits, the ellipsis alone.
 */
export function fitMiddle(text: string, maxPx: number, measure: Measure = estimateWidth): string {
  if (measure(text) <= maxPx) return text;
  // Binary search over how many characters to keep.
  let lo = 0;
  let hi = text.length - 1;
  const cut = (keep: number) => {
    const head = Math.floor(keep / 2);
    return `${text.slice(0, head)}${ELLIPSIS}${text.slice(text.length - (keep - head))}`;
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid)) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

/** One canvas per font, its font set once: assigning `ctx.font` parses the font and is dearer than measuring. */
const byFont = new Map<string, { ctx: CanvasRenderingContext2D; widths: Map<string, number> }>();
let canvasAvailable: boolean | undefined;

/** Widths kept per font; past this many the cache starts again (cut candidates are many distinct strings). */
const MAX_CACHED = 50_000;

/** A canvas-based measure in the given CSS font, or `fallback` (an estimate) when the page has no canvas (jsdom). */
export function browserMeasure(font: string, fallback: Measure = estimateWidth): Measure {
  if (canvasAvailable === undefined) {
    const isJsdom = typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent);
    canvasAvailable = !isJsdom && typeof document !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;
  }
  if (!canvasAvailable) return fallback;
  let entry = byFont.get(font);
  if (!entry) {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return fallback;
    ctx.font = font;
    entry = { ctx, widths: new Map() };
    byFont.set(font, entry);
  }
  const { ctx, widths } = entry;
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = ctx.measureText(text).width;
      if (widths.size > MAX_CACHED) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
}
