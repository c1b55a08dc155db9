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
  /** The rule between two side-by-side panes (the right pane's left border). */
  splitRule: 2,
} as const;

/** A window at least this wide keeps the cluster list open whatever else is shown. */
export const WIDE_WINDOW = 1600;

/** The least width a view (table, overview, graph) keeps beside a docked details panel. */
export const MIN_VIEW_BESIDE_DETAILS = 480;

/** The least width the cluster panes keep beside a docked lesson. */
export const MIN_PANES_BESIDE_LESSON = 900;

/** How much of the content an overlaying details panel leaves in view at least (px): a part of the rows to click. */
export const CONTENT_PEEK = 120;

export interface PanelLimits {
  min: number;
  default: number;
  max: number;
}

export const DETAILS_PANEL: PanelLimits = { min: 320, default: 440, max: 900 };
export const LESSON_PANEL: PanelLimits = { min: 340, default: 480, max: 960 };

/**
 * The least width of one of two side-by-side panes beside a docked lesson (px): its details panel over a strip of
 * its view (the pane's navigation is a strip above them at this width). With 560 px each the lesson found no room
 * at 1280 or 1440 px and laid over the right pane, its controls and its details (trial 9 of issue 8).
 */
export const MIN_SPLIT_PANE_BESIDE_LESSON = DETAILS_PANEL.min + CONTENT_PEEK;

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
export function clampPanelWidth(width: number, limits: PanelLimits, containerWidth: number, keep = CONTENT_PEEK): number {
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

/** Where a side panel goes and how wide it is drawn (px). */
export interface PanelFit {
  mode: 'docked' | 'overlay';
  width: number;
}

/**
 * A panel of the user's `width` (px) in a container of `containerWidth` px that keeps `minContent` px beside it:
 * docked at that width while it fits; else docked narrower, down to the panel's minimum, rather than laid over
 * the content (at 1280 px the graph's search sat under a 480 px lesson that fitted docked at 448 px: trial 8 of
 * issue 8, T8-4); overlaying the content at the user's width only below that. A panel that may not overlay
 * (`mayOverlay` false: a lesson beside two panes, see lessonMayOverlay) stays docked at its minimum there, and the
 * content gets less than `minContent`. The user's width is kept for when the room comes back.
 */
export function fitPanel(containerWidth: number, width: number, limits: PanelLimits, minContent: number, mayOverlay = true): PanelFit {
  if (panelMode(containerWidth, width, minContent) === 'docked') return { mode: 'docked', width };
  const room = Math.floor(containerWidth - minContent);
  if (room >= limits.min) return { mode: 'docked', width: room };
  return mayOverlay ? { mode: 'overlay', width } : { mode: 'docked', width: limits.min };
}

/**
 * Whether the lesson may lay over the panes when it has no room beside them. One pane: yes, it is the pane's
 * companion. Two panes: never; the lesson takes the frame's right edge beside both panes and the panes share
 * what is left (each keeps MIN_SPLIT_PANE_BESIDE_LESSON while the window allows). Laid over them, it hid the
 * right pane's view, its navigation and its details at 1280 and 1440 px (trial 9 of issue 8).
 */
export function lessonMayOverlay(input: { split: boolean }): boolean {
  return !input.split;
}

/**
 * The least width (px) the frame keeps left of a docked lesson: the cluster list plus the panes. A pane keeps its
 * navigation and a usable view (640 px). With a details panel open it keeps its navigation, the details panel and
 * a strip of the view (CONTENT_PEEK): the details panel then lays over the table rather than squeezing it (trial 3
 * of issue 8, defect 3: docked beside both panels, the table kept only its name column), and neither panel hides
 * the other (trial 8, T8-4: a lesson laid over the panes at 1440 px hid the details it was opened from).
 * Two panes keep MIN_SPLIT_PANE_BESIDE_LESSON (440 px) each: a details panel over a strip of the view.
 */
export function minBesideLesson(input: { sidebarWidth: number; split: boolean; detailsOpen: boolean }): number {
  // The two columns are equal and the right one holds the rule: each gets the rule's width to keep its minimum.
  if (input.split) return input.sidebarWidth + 2 * (MIN_SPLIT_PANE_BESIDE_LESSON + FRAME.splitRule);
  return input.sidebarWidth + FRAME.viewNav + (input.detailsOpen ? DETAILS_PANEL.min + CONTENT_PEEK : 640);
}

/** The least width beside a details panel: the view navigation (when vertical) plus a usable view. */
export function minBesideDetails(paneWidth: number): number {
  return (paneWidth >= FRAME.narrowPane ? FRAME.viewNav : 0) + MIN_VIEW_BESIDE_DETAILS;
}
