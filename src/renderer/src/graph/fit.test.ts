import { describe, expect, it } from 'vitest';
import { chooseDirection, coveredInsets, firstViewport, fitZoom, type CanvasRoom, type PlacedNode } from './fit';

const canvas = { left: 192, top: 160, right: 1280, bottom: 669 };
const node = (id: string, x: number, y: number): PlacedNode => ({ id, position: { x, y }, width: 232, height: 54 });
const margins = { top: 12, right: 12, bottom: 12, left: 53 };

describe('coveredInsets', () => {
  it('counts a panel over the right part of the canvas, and nothing for one beside it', () => {
    expect(coveredInsets(canvas, [{ left: 840, top: 69, right: 1280, bottom: 720 }])).toEqual({ top: 0, right: 440, bottom: 0, left: 0 });
    expect(coveredInsets(canvas, [{ left: 0, top: 69, right: 192, bottom: 720 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(coveredInsets(canvas, [])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it('counts a panel over the left part from the canvas edge, and keeps the widest of two', () => {
    const covers = [
      { left: 100, top: 0, right: 300, bottom: 720 },
      { left: 1000, top: 0, right: 1280, bottom: 720 },
      { left: 900, top: 0, right: 1280, bottom: 720 },
    ];
    expect(coveredInsets(canvas, covers)).toEqual({ top: 0, right: 380, bottom: 0, left: 108 });
  });
});

// The claim's chain at 1280x720 with the details panel over the canvas (trial 5 of issue 8, N-D4).
const room: CanvasRoom = { width: 1088, height: 509, covered: { top: 0, right: 440, bottom: 0, left: 0 } };
const row = ['pod', 'pvc', 'pv', 'sc', 'prov'].map((id, i) => node(id, i * 330, 0));
const stack = ['pod', 'pvc', 'pv', 'sc', 'prov'].map((id, i) => node(id, 0, i * 90));

describe('fitZoom', () => {
  it('fits into the visible part only', () => {
    expect(fitZoom(row, room, margins)).toBeCloseTo((1088 - 440 - 65) / (4 * 330 + 232));
    expect(fitZoom(stack, room, margins)).toBeCloseTo(Math.min((1088 - 440 - 65) / 232, (509 - 24) / (4 * 90 + 54)));
    expect(fitZoom(row, { ...room, covered: { ...room.covered, right: 1088 } }, margins)).toBe(0);
  });
});

describe('chooseDirection', () => {
  it('keeps left to right while the row fits at a readable zoom', () => {
    expect(chooseDirection({ LR: row, TB: stack }, undefined, { ...room, width: 4000, covered: { top: 0, right: 0, bottom: 0, left: 0 } }, margins, 1.1)).toBe('LR');
  });
  it('stacks the chain when the row does not fit beside the panel and the stack does', () => {
    expect(chooseDirection({ LR: row, TB: stack }, undefined, room, margins, 1.1)).toBe('TB');
  });
  it('when neither fits, takes the direction that shows the root and its neighbours larger', () => {
    const near = new Set(['pod', 'pvc', 'pv']);
    const low = { ...room, height: 200 };
    // Three in a row need 890 px, three stacked 234 px: the stack shows them larger in 583 x 176 px.
    expect(chooseDirection({ LR: row, TB: stack }, near, low, margins, 1.1)).toBe('TB');
    expect(chooseDirection({ LR: row, TB: stack }, near, { ...low, height: 60 }, margins, 1.1)).toBe('LR');
  });
});

describe('firstViewport', () => {
  it('centres every node in the visible part when they fit, never past maxZoom', () => {
    const v = firstViewport(stack, undefined, room, margins, 1.1, 1.2);
    expect(v.zoom).toBeCloseTo(Math.min(1.2, 485 / 414));
    const left = v.x + 0 * v.zoom;
    const right = v.x + 232 * v.zoom;
    expect(left).toBeGreaterThanOrEqual(53);
    expect(right).toBeLessThanOrEqual(1088 - 440 - 12);
    expect((left + right) / 2).toBeCloseTo((53 + 1088 - 452) / 2);
    expect(v.y).toBeGreaterThanOrEqual(12 - 0.01);
    expect(v.y + 414 * v.zoom).toBeLessThanOrEqual(509 - 12 + 0.01);
  });
  it('falls back to the focus nodes at the least readable zoom when the whole graph does not fit', () => {
    const v = firstViewport(row, [row[0]!, row[1]!], room, margins, 1.1, 1.2);
    expect(v.zoom).toBe(1.1);
    // pod and pvc span 0..562, 618 px at 1.1 in the 583 px of 53..636: they start at its left edge, the pod whole.
    expect(v.x).toBeCloseTo(53);
    // Where they fit, centred: in a wider room, in the middle of 53..736.
    const wide = firstViewport(row, [row[0]!, row[1]!], { ...room, width: 1188 }, margins, 1.1, 1.2);
    expect(wide.x + (562 / 2) * wide.zoom).toBeCloseTo((53 + 736) / 2);
  });
  it('starts at the top-left of the visible part on an axis where even the least readable zoom is too large (trial 7 of issue 8)', () => {
    // Seven problem chains stacked 7 x 76 px: 532 px at zoom 1.1 in 485 px of height; no root to fall back to.
    const chains = Array.from({ length: 7 }, (_, i) => node(`c${i}`, 0, i * 76));
    const v = firstViewport(chains, undefined, { ...room, covered: { top: 0, right: 0, bottom: 0, left: 0 } }, margins, 1.1, 1.2);
    expect(v.zoom).toBe(1.1);
    // The first card whole at the top margin (centred, it started 14 px above the canvas), the rest below.
    expect(v.y).toBeCloseTo(12);
    // Across, they fit: centred as before.
    expect(v.x + (232 / 2) * 1.1).toBeCloseTo((53 + 1088 - 12) / 2);
  });
});
