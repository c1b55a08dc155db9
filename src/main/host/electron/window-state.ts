/**
 * The window's size and position, remembered in userData/window-state.json. A saved position that is no longer
 * on any screen (a monitor was unplugged) is dropped, so the window never opens out of sight.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface SavedWindowState extends WindowBounds {
  maximized?: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A usable state from whatever the file held, fitted to the screens' work areas. */
export function restoreState(saved: unknown, workAreas: readonly Rect[]): SavedWindowState {
  if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_BOUNDS };
  const s = saved as Record<string, unknown>;
  if (!isNumber(s.width) || !isNumber(s.height)) return { ...DEFAULT_BOUNDS };
  const largest = workAreas.reduce((max, a) => Math.max(max, a.width * a.height), 0);
  const area = workAreas.find((a) => a.width * a.height === largest);
  const width = Math.round(Math.max(400, Math.min(s.width, area?.width ?? s.width)));
  const height = Math.round(Math.max(300, Math.min(s.height, area?.height ?? s.height)));
  const state: SavedWindowState = { width, height };
  if (isNumber(s.x) && isNumber(s.y)) {
    // Keep the position only when the title bar's middle is on some screen.
    const probe = { x: s.x + width / 2, y: s.y + 10 };
    if (workAreas.some((a) => probe.x >= a.x && probe.x < a.x + a.width && probe.y >= a.y && probe.y < a.y + a.height)) {
      state.x = Math.round(s.x);
      state.y = Math.round(s.y);
    }
  }
  if (s.maximized === true) state.maximized = true;
  return state;
}

export async function loadWindowState(file: string, workAreas: readonly Rect[]): Promise<SavedWindowState> {
  try {
    return restoreState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return { ...DEFAULT_BOUNDS };
  }
}

export async function saveWindowState(file: string, state: SavedWindowState): Promise<void> {
  await writeFile(file, `${JSON.stringify(state)}\n`, 'utf8');
}
