/**
 * Where the graph's first view goes: the part of the canvas a user can see (a details panel or lesson that
 * overlays the canvas hides its right part), and the layout direction that fits that part best. Pure, so the
 * choices are unit-tested; GraphView measures the boxes and hands them in.
 *
 * Trial 5 of issue 8, N-D4: at 1280x720 «Show graph» from an open details panel centred the graph on the whole
 * canvas, 440 px of which lay under the panel; the chain of five 232 px nodes did not fit the 650 px left beside it
 * at a readable zoom, so the Pod sat past the canvas's left edge and the PV and StorageClass under the panel.
 */
import type { GraphDirection } from './layout';

/** A box in client pixels (DOMRect's edges). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far each side of the canvas is covered, px. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The canvas as measured: its size and how much of it overlaying panels hide, px. */
export interface CanvasRoom {
  width: number;
  height: number;
  covered: Insets;
}

/** A placed node: top-left corner and size in flow units (React Flow's node.position, width, height). */
export interface PlacedNode {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
}

/**
 * How much of `canvas` the `covers` (panels drawn over it, full height at a side) hide on each side, px.
 * A cover that does not meet the canvas hides nothing; one whose centre lies right of the canvas's centre hides
 * the canvas from its left edge to the right, one left of it from the canvas's left edge to its right edge.
 */
export function coveredInsets(canvas: Box, covers: readonly Box[]): Insets {
  const out: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  const middle = (canvas.left + canvas.right) / 2;
  for (const c of covers) {
    const meets = c.left < canvas.right && canvas.left < c.right && c.top < canvas.bottom && canvas.top < c.bottom;
    if (!meets) continue;
    if ((c.left + c.right) / 2 >= middle) out.right = Math.max(out.right, canvas.right - Math.max(c.left, canvas.left));
    else out.left = Math.max(out.left, Math.min(c.right, canvas.right) - canvas.left);
  }
  return out;
}

/** Extra room kept free inside the visible part, px: the zoom buttons' strip on the left, a margin elsewhere. */
export interface FitMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The zoom at which `nodes` fit the visible part of the canvas (its size less the covered sides and margins);
 * Infinity for no nodes, 0 when nothing of the canvas is visible.
 */
export function fitZoom(nodes: readonly PlacedNode[], room: CanvasRoom, margins: FitMargins): number {
  if (nodes.length === 0) return Infinity;
  const { left, top, right, bottom } = bounds(nodes);
  const width = room.width - room.covered.left - room.covered.right - margins.left - margins.right;
  const height = room.height - room.covered.top - room.covered.bottom - margins.top - margins.bottom;
  if (width <= 0 || height <= 0) return 0;
  return Math.min(width / Math.max(1, right - left), height / Math.max(1, bottom - top));
}

/**
 * The layout direction for the first view: left to right (the chain read as a sentence) when the whole graph fits
 * the visible part at `readableZoom`; else top to bottom if that fits it; else whichever shows the nodes the first
 * view falls back to (`near`: the root and its neighbours) at the larger zoom, LR on a tie.
 */
export function chooseDirection(
  layouts: Record<GraphDirection, readonly PlacedNode[]>,
  near: ReadonlySet<string> | undefined,
  room: CanvasRoom,
  margins: FitMargins,
  readableZoom: number,
): GraphDirection {
  const all = (d: GraphDirection) => fitZoom(layouts[d], room, margins);
  if (all('LR') >= readableZoom) return 'LR';
  if (all('TB') >= readableZoom) return 'TB';
  const shown = (d: GraphDirection) => fitZoom(near ? layouts[d].filter((n) => near.has(n.id)) : layouts[d], room, margins);
  return shown('TB') > shown('LR') ? 'TB' : 'LR';
}

/** React Flow's viewport: the flow is drawn at `zoom`, its origin at (x, y) in canvas pixels. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

function bounds(nodes: readonly PlacedNode[]): Box {
  return {
    left: Math.min(...nodes.map((n) => n.position.x)),
    top: Math.min(...nodes.map((n) => n.position.y)),
    right: Math.max(...nodes.map((n) => n.position.x + (n.width ?? 0))),
    bottom: Math.max(...nodes.map((n) => n.position.y + (n.height ?? 0))),
  };
}

/**
 * The first view: every node, centred in the visible part of the canvas (less the margins), at the zoom that fits
 * them within [minZoom, maxZoom]; when they do not fit at minZoom, `focus` (the root and its neighbours) centred
 * the same way (or from the top-left edge on an axis where even they do not fit). React Flow's own fitView centres on the whole canvas and shifts only as far as a side's padding
 * needs, so a graph wider than the visible part ended up partly under the panel; this centres on what is seen.
 */
export function firstViewport(
  nodes: readonly PlacedNode[],
  focus: readonly PlacedNode[] | undefined,
  room: CanvasRoom,
  margins: FitMargins,
  minZoom: number,
  maxZoom: number,
): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const shown = fitZoom(nodes, room, margins) >= minZoom || !focus?.length ? nodes : focus;
  const zoom = Math.min(maxZoom, Math.max(minZoom, fitZoom(shown, room, margins)));
  const b = bounds(shown);
  const left = room.covered.left + margins.left;
  const right = room.width - room.covered.right - margins.right;
  const top = room.covered.top + margins.top;
  const bottom = room.height - room.covered.bottom - margins.bottom;
  // Centred on an axis where they fit; where they do not (the least readable zoom is still too large), they start
  // at the visible part's top or left edge, so the first rows are whole and the rest is a pan away: centred, the
  // demo's problem chains lost 8 px of their first and last cards at 1280x720 and looked broken (trial 7 of issue 8).
  const place = (start: number, end: number, from: number, to: number) => (to - from) * zoom > end - start ? start - from * zoom : (start + end) / 2 - ((from + to) / 2) * zoom;
  return { x: place(left, right, b.left, b.right), y: place(top, bottom, b.top, b.bottom), zoom };
}
