/**
 * How the window's frame shares its width, as pure functions of measured widths (px), so the rules are tested
 * without a browser:
 * - the cluster list is wide, or collapsed to icons when the user says so, or (by default) when the views need
 *   the room (a lesson, a graph, two panes or a details panel on a window narrower than WIDE_WINDOW);
 * - a side panel (details, lesson) is docked beside the content while the content keeps a usable width, and
 *   overlays the content otherwise, instead of squeezing a table to three columns;
 * - a panel is never wider than its container allows, and never narrower than its minimum.
 */

/** Widths of the frame's fixed parts (px); the CSS uses the same numbers (styles/layout.css). */
export const FRAME = {
  sidebarWide: 210,
  sidebarCollapsed: 48,
  /** The vertical view navigation of a pane (it becomes a horizontal strip in narrow panes). */
  viewNav: 144,
  /** Below this pane width the view navigation turns horizontal (CSS container query on .pane). */
  narrowPane: 720,
} as const;

/** A window at least this wide keeps the cluster list open whatever else is shown. */
export const WIDE_WINDOW = 1600;

/** The least width a view (table, overview, graph) keeps beside a docked details panel. */
export const MIN_VIEW_BESIDE_DETAILS = 480;

/** The least width the cluster panes keep beside a docked lesson. */
export const MIN_PANES_BESIDE_LESSON = 900;

/** The least width of one of two side-by-side panes beside a docked lesson. */
export const MIN_SPLIT_PANE_BESIDE_LESSON = 560;

export interface PanelLimits {
  min: number;
  default: number;
  max: number;
}

export const DETAILS_PANEL: PanelLimits = { min: 320, default: 440, max: 900 };
export const LESSON_PANEL: PanelLimits = { min: 340, default: 480, max: 960 };

/** The user's choice for the cluster list; "auto" collapses it when the views need the room. */
export type SidebarChoice = 'auto' | 'wide' | 'collapsed';

export interface FrameInput {
  windowWidth: number;
  sidebar: SidebarChoice;
  lessonOpen: boolean;
  split: boolean;
  graphShown: boolean;
  detailsOpen: boolean;
}

/** Whether the cluster list shows as icons only. */
export function sidebarCollapsed(input: FrameInput): boolean {
  if (input.sidebar !== 'auto') return input.sidebar === 'collapsed';
  if (input.windowWidth >= WIDE_WINDOW) return false;
  return input.lessonOpen || input.split || input.graphShown || input.detailsOpen;
}

/** A panel's width kept within its limits and within what its container can give (leaving `keep` px beside it). */
export function clampPanelWidth(width: number, limits: PanelLimits, containerWidth: number, keep = 120): number {
  const room = Math.max(limits.min, containerWidth - keep);
  return Math.round(Math.max(limits.min, Math.min(width, limits.max, room)));
}

/**
 * Docked beside the content, or overlaying it: docked while the content keeps `minContent` px next to the panel.
 * A container not measured yet (0) counts as wide, so the first paint does not flash an overlay.
 */
export function panelMode(containerWidth: number, panelWidth: number, minContent: number): 'docked' | 'overlay' {
  if (containerWidth <= 0) return 'docked';
  return containerWidth - panelWidth >= minContent ? 'docked' : 'overlay';
}

/**
 * The least width (px) the frame keeps left of a docked lesson: the cluster list plus the panes. A pane keeps its
 * navigation and a usable view (640 px); with a details panel open, its navigation, the room the table needs for
 * its never-hidden columns (MIN_VIEW_BESIDE_DETAILS) and the details panel: docking the lesson beside details at
 * 1280 px left the table only its name column (trial 3 of issue 8, defect 3), so there the lesson overlays instead.
 * Two panes keep 560 px each.
 */
export function minBesideLesson(input: { sidebarWidth: number; split: boolean; detailsOpen: boolean }): number {
  if (input.split) return input.sidebarWidth + 2 * MIN_SPLIT_PANE_BESIDE_LESSON;
  return input.sidebarWidth + FRAME.viewNav + (input.detailsOpen ? MIN_VIEW_BESIDE_DETAILS + DETAILS_PANEL.min : 640);
}

/** The least width beside a details panel: the view navigation (when vertical) plus a usable view. */
export function minBesideDetails(paneWidth: number): number {
  return (paneWidth >= FRAME.narrowPane ? FRAME.viewNav : 0) + MIN_VIEW_BESIDE_DETAILS;
}
