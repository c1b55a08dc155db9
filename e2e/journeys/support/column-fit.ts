/// <reference lib="dom" />
/**
 * "A column is cut while another is half empty" (trial 3 of issue 8, defect 1), measured in the page as a user
 * sees it, independently of the layout code:
 * - a cell is cut when its text runs past the cell (the text's own box is wider than the cell's room) or when the
 *   name shown is shortened in the middle ("data-prom…-tsdb-1048": the text has an ellipsis its title has not);
 * - a column's slack is its width minus what it needs: its widest cell's content and its header's longest word
 *   (a header may wrap at its spaces), each with the padding, in px.
 * The check fails when some column has a cut cell while another column has more than `tolerance` px of slack.
 */
import type { Locator } from '@playwright/test';

export interface ColumnFit {
  id: string;
  width: number;
  /** Widest content of its rows and its header's longest word, with padding, px (cut cells: their full need is unknown). */
  need: number;
  /** Rows in view whose cell in this column is cut. */
  cut: number;
  /** One cut value, for the message. */
  example?: string;
}

/** Measures every column of the grid over the rows drawn. */
export function measureColumns(grid: Locator): Promise<ColumnFit[]> {
  return grid.evaluate((root) => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: ColumnFit[] = [];
    const rows = [...root.querySelectorAll('[data-testid="table-row"]')];
    for (const head of root.querySelectorAll<HTMLElement>('[role="columnheader"]')) {
      const id = head.getAttribute('data-column') ?? '';
      const box = head.getBoundingClientRect();
      const label = head.querySelector('.head-label') ?? head;
      canvas.font = getComputedStyle(label).font;
      // 16 px of the button's padding, 4 px gap and the sort mark's room (column.ts headerWidth: 30 px).
      const headNeed = Math.max(...(label.textContent ?? '').split(/\s+/).map((w) => canvas.measureText(w).width)) + 30;
      let need = headNeed;
      let cut = 0;
      let example: string | undefined;
      for (const row of rows) {
        const cell = row.querySelector<HTMLElement>(`[role="gridcell"][data-column="${id}"]`);
        if (!cell) continue;
        const cellBox = cell.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const left = Math.min(...rects.map((r) => r.left), cellBox.left + 8);
        const right = Math.max(...rects.map((r) => r.right), cellBox.left + 8);
        const contentWidth = rects.length === 0 ? 0 : right - left;
        const title = cell.getAttribute('title') ?? '';
        const shown = cell.textContent ?? '';
        const middleCut = shown.includes('…') && !title.includes('…');
        const overflow = contentWidth > cellBox.width - 16 + 1 || cell.scrollWidth > cell.clientWidth + 1;
        // Chips cut their own label (the chip keeps its icon and count).
        const chipCut = [...cell.querySelectorAll<HTMLElement>('.chip-label, .truncate')].some((e) => e.scrollWidth > e.clientWidth + 1);
        if (middleCut || overflow || chipCut) {
          cut += 1;
          example ??= title || shown;
        }
        need = Math.max(need, contentWidth + 16);
      }
      out.push({ id, width: box.width, need: Math.ceil(need), cut, ...(example === undefined ? {} : { example }) });
    }
    return out;
  });
}

/** Messages for every cut column while other columns have more than `tolerance` px to spare; empty when fine. */
export function cutWhileSlack(columns: readonly ColumnFit[], tolerance = 12): string[] {
  const cut = columns.filter((c) => c.cut > 0);
  if (cut.length === 0) return [];
  const slack = columns.filter((c) => c.cut === 0 && c.width - c.need > tolerance);
  if (slack.length === 0) return [];
  const spare = slack.map((c) => `${c.id} has ${Math.round(c.width - c.need)} px spare`).join(', ');
  return cut.map((c) => `${c.id} cuts ${c.cut} cell(s) ("${c.example ?? ''}", ${Math.round(c.width)} px) while ${spare}`);
}
