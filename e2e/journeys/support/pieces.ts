/// <reference lib="dom" />
/**
 * Checks that text stays in one piece, measured in the page as drawn (trial 4 of issue 8, defects 16 and 17):
 * - a chip or tag is one line («init / -контейнер» is two);
 * - a name is never broken right after one of its hyphens («lab-» / «hostpath»): the character after a hyphen
 *   between two letters or digits starts on the same line as the hyphen.
 * And one geometry helper: whether two boxes overlap.
 */
import type { Locator } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Texts of the visible elements matching `selector` under `root` that are drawn on more than one line. */
export function splitPieces(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate((el, sel) => {
    const out: string[] = [];
    for (const piece of el.querySelectorAll<HTMLElement>(sel)) {
      // An inline piece broken over lines has a box per line; an inline block or flex box grows taller than a line.
      const style = getComputedStyle(piece);
      const line = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.3 : parseFloat(style.lineHeight);
      const boxes = [...piece.getClientRects()].filter((r) => r.width > 0);
      if (boxes.length > 1 || boxes.some((r) => r.height > line * 1.6 + 4)) out.push(piece.textContent ?? '');
    }
    return out;
  }, selector);
}

/** Words under `root` drawn broken right after an inner hyphen ("lab-|hostpath"), as "lab-/hostpath". */
export function hyphenBreaks(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const top = (node: Text, at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      return rect?.top;
    };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (let i = 1; i < text.length - 1; i++) {
        if (text[i] !== '-' || !/[\p{L}\p{N}]/u.test(text[i - 1]!) || !/[\p{L}\p{N}]/u.test(text[i + 1]!)) continue;
        const hyphen = top(node, i);
        const next = top(node, i + 1);
        if (hyphen !== undefined && next !== undefined && next > hyphen + 4) {
          const start = text.lastIndexOf(' ', i) + 1;
          const end = text.indexOf(' ', i);
          out.push(`${text.slice(start, i + 1)}/${text.slice(i + 1, end < 0 ? undefined : end)}`);
        }
      }
    }
    return out;
  });
}

/** One drawn character: its top and height in px (NaN for white space and for the break between two boxes). */
interface DrawnChar {
  c: string;
  top: number;
  height: number;
}

/**
 * The characters of each value under `root` as drawn: the top of each character's box (a Range per character),
 * through every text node of each outermost element matching `selector` (or of `root` itself when it is null), so a
 * break between two elements inside one value counts too. Text in two boxes (two list items, two cells, a name and
 * the tag beside it) is two pieces by design: a '\n' goes between them. A value's own pieces (.brk,
 * components/WholeWords.tsx) and inline elements are one text. `skipHidden` leaves out text that is invisible or
 * only for screen readers (.sr-only).
 */
function drawnValues(root: Locator, selector: string | null, skipHidden: boolean): Promise<DrawnChar[][]> {
  return root.evaluate(
    (el, { sel, skip }) => {
      const values = sel
        ? [...el.querySelectorAll<HTMLElement>(sel)].filter((v) => {
            const outer = v.parentElement?.closest(sel);
            return !outer || !el.contains(outer);
          })
        : [el];
      return values.map((value) => {
        const chars: { c: string; top: number; height: number }[] = [];
        const blockOf = (node: Node) => {
          let at = node.parentElement;
          const transparent = (e: Element) => e.classList.contains('brk') || /^(inline|contents)$/.test(getComputedStyle(e).display);
          while (at && at !== value && transparent(at)) at = at.parentElement;
          return at;
        };
        let block: Element | null | undefined;
        const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (skip) {
            const style = node.parentElement ? getComputedStyle(node.parentElement) : undefined;
            if (!style || style.visibility === 'hidden' || style.display === 'none' || node.parentElement?.closest('.sr-only')) continue;
          }
          const nodeBlock = blockOf(node);
          if (block !== undefined && nodeBlock !== block) chars.push({ c: '\n', top: NaN, height: 0 });
          block = nodeBlock;
          for (let i = 0; i < node.data.length; i++) {
            const c = node.data[i]!;
            if (/\s/.test(c)) {
              chars.push({ c, top: NaN, height: 0 });
              continue;
            }
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            if (rect) chars.push({ c, top: rect.top, height: rect.height });
          }
        }
        return chars;
      });
    },
    { sel: selector, skip: skipHidden },
  );
}

/** Whether `b` is drawn on a lower line than `a`. */
const lowerLine = (a: DrawnChar, b: DrawnChar): boolean => b.top > a.top + Math.max(4, a.height / 2);

/**
 * Cluster values (names, paths, field paths, commands, YAML) under `root` drawn with a line break between two word
 * characters (trial 5 of issue 8, N-D10): «storage-example-com-/absent», «/var/run/secrets/k/ubernetes.io». A word
 * character here is a letter, a digit, '_' or '-': a break after a hyphen splits a name as surely as one inside a
 * word. Breaks after '/', '=', '.', ',', ':' and at spaces are fine. Values are the outermost elements matching
 * `selector` (see drawnValues). Returns "before/after" per break, the words around it.
 */
export async function wordBreaks(root: Locator, selector: string): Promise<string[]> {
  const word = /[\p{L}\p{N}_-]/u;
  const out: string[] = [];
  for (const chars of await drawnValues(root, selector, false)) {
    const text = chars.map((x) => x.c).join('');
    for (let i = 1; i < chars.length; i++) {
      const a = chars[i - 1]!;
      const b = chars[i]!;
      if (!word.test(a.c) || !word.test(b.c) || Number.isNaN(a.top) || Number.isNaN(b.top) || !lowerLine(a, b)) continue;
      const start = Math.max(0, text.lastIndexOf(' ', i - 1) + 1);
      const end = text.indexOf(' ', i);
      out.push(`${text.slice(start, i)}/${text.slice(i, end < 0 ? undefined : end)}`);
    }
  }
  return out;
}

/**
 * Lines under `root` that start with closing punctuation (trial 5 of issue 8, N-D9: the too-big headline wrapped
 * as «… 5Gi» / «)»): a ')', ']', ',', '.', ':', ';' or '»' drawn lower than the visible character before it, on the
 * next line (not a jump back up to another column or block beside it). Returns the text around each such break, as
 * "before/after".
 */
export async function punctuationLineStarts(root: Locator): Promise<string[]> {
  const [all = []] = await drawnValues(root, null, true);
  const chars = all.filter((x) => !Number.isNaN(x.top));
  const text = chars.map((x) => x.c).join('');
  const out: string[] = [];
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    if (/[)\],.:;»]/.test(b.c) && lowerLine(a, b) && b.top < a.top + a.height * 2.2) out.push(`${text.slice(Math.max(0, i - 12), i)}/${text.slice(i, i + 4)}`);
  }
  return out;
}
