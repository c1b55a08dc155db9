import { describe, expect, it } from 'vitest';
import {
  clampPanelWidth,
  CONTENT_PEEK,
  DETAILS_PANEL,
  fitPanel,
  FRAME,
  lessonMayOverlay,
  minBesideDetails,
  minBesideLesson,
  LESSON_PANEL,
  panelMode,
  sidebarCollapsed,
  WIDE_WINDOW,
  type FrameInput,
} from './frame-layout';

const base: FrameInput = { windowWidth: 1280, sidebar: 'auto', lessonOpen: false, split: false, graphShown: false, detailsOpen: false };

describe('the cluster list', () => {
  it('stays wide by default until the views need the room, and never on a wide window', () => {
    expect(sidebarCollapsed(base)).toBe(false);
    for (const need of ['lessonOpen', 'split', 'graphShown', 'detailsOpen'] as const) {
      expect(sidebarCollapsed({ ...base, [need]: true }), need).toBe(true);
      expect(sidebarCollapsed({ ...base, [need]: true, windowWidth: WIDE_WINDOW }), `${need} on a wide window`).toBe(false);
    }
  });

  it('follows the user once they chose', () => {
    expect(sidebarCollapsed({ ...base, sidebar: 'collapsed' })).toBe(true);
    expect(sidebarCollapsed({ ...base, sidebar: 'wide', split: true, lessonOpen: true })).toBe(false);
  });
});

describe('side panels', () => {
  it('dock while the content keeps its minimum beside them, and overlay it below that', () => {
    // 1280x720, one pane, collapsed list: the pane is ~1230 px; the table keeps 1230 - 440 = 790 >= 128 + 480.
    expect(panelMode(1230, 440, minBesideDetails(1230))).toBe('docked');
    // Side by side: a pane is ~615 px, the navigation is a strip above: 615 - 440 < 480.
    expect(minBesideDetails(615)).toBe(480);
    expect(panelMode(615, 440, minBesideDetails(615))).toBe('overlay');
    // Not measured yet: docked, so the first paint does not flash an overlay.
    expect(panelMode(0, 440, 608)).toBe('docked');
  });

  it('keep their width within limits and within the container', () => {
    expect(clampPanelWidth(100, DETAILS_PANEL, 2000)).toBe(DETAILS_PANEL.min);
    expect(clampPanelWidth(5000, DETAILS_PANEL, 3000)).toBe(DETAILS_PANEL.max);
    // A 500 px pane: the overlaying panel leaves 120 px of the content visible to click back to.
    expect(clampPanelWidth(700, DETAILS_PANEL, 500)).toBe(380);
    // Never below the minimum, even in a tiny container.
    expect(clampPanelWidth(700, DETAILS_PANEL, 300)).toBe(DETAILS_PANEL.min);
    expect(clampPanelWidth(452.6, DETAILS_PANEL, 2000)).toBe(453);
  });

  it('dock narrower, down to their minimum, before they overlay the content', () => {
    // 1280 px, graph shown, collapsed list: a 480 px lesson leaves 800 px, the panes want 832; docked at 448 px it
    // fits, and the graph's search stays in view (trial 8 of issue 8, T8-4).
    const need = minBesideLesson({ sidebarWidth: 48, split: false, detailsOpen: false });
    expect(fitPanel(1280, 480, LESSON_PANEL, need)).toEqual({ mode: 'docked', width: 448 });
    // Room enough: the user's width.
    expect(fitPanel(1600, 480, LESSON_PANEL, need)).toEqual({ mode: 'docked', width: 480 });
    // Below the panel's minimum: it overlays at the user's width.
    expect(fitPanel(1100, 480, LESSON_PANEL, need)).toEqual({ mode: 'overlay', width: 480 });
    // Not measured yet: docked at the user's width.
    expect(fitPanel(0, 480, LESSON_PANEL, need)).toEqual({ mode: 'docked', width: 480 });
  });

  it('keep the details panel in view beside a lesson: the lesson docks, the details lay over the table', () => {
    const need = minBesideLesson({ sidebarWidth: FRAME.sidebarCollapsed, split: false, detailsOpen: true });
    expect(need).toBe(48 + 144 + DETAILS_PANEL.min + CONTENT_PEEK);
    for (const window of [1280, 1440]) {
      // At 1440 px the lesson overlaid the panes and hid the details it was opened from (trial 8, T8-4).
      const lesson = fitPanel(window, LESSON_PANEL.default, LESSON_PANEL, need);
      expect(lesson, `${window}px`).toEqual({ mode: 'docked', width: LESSON_PANEL.default });
      // The pane left of it lays the details over the table instead of squeezing the table to its name column
      // (trial 3 of issue 8, defect 3), and leaves a strip of rows in view.
      const pane = window - 48 - lesson.width;
      const details = fitPanel(pane, clampPanelWidth(DETAILS_PANEL.default, DETAILS_PANEL, pane), DETAILS_PANEL, minBesideDetails(pane));
      expect(details.mode, `${window}px`).toBe('overlay');
      expect(pane - FRAME.viewNav - details.width, `${window}px: rows in view`).toBeGreaterThanOrEqual(CONTENT_PEEK);
    }
    // Without details, a pane keeps a usable view; side by side, two of them.
    expect(minBesideLesson({ sidebarWidth: 48, split: false, detailsOpen: false })).toBe(48 + 144 + 640);
    expect(minBesideLesson({ sidebarWidth: 48, split: true, detailsOpen: false })).toBe(48 + 2 * (DETAILS_PANEL.min + CONTENT_PEEK + FRAME.splitRule));
  });

  it('dock a lesson beside two panes, never over them, and leave each pane its details over a strip of rows', () => {
    // Trial 9 of issue 8: side by side at 1280 and 1440 px the lesson (which wanted 560 px per pane) laid over the
    // right pane, its navigation and its details.
    for (const [window, sidebarWidth] of [[1280, FRAME.sidebarCollapsed], [1440, FRAME.sidebarCollapsed], [1280, FRAME.sidebarWide]] as const) {
      const need = minBesideLesson({ sidebarWidth, split: true, detailsOpen: true });
      const lesson = fitPanel(window, LESSON_PANEL.default, LESSON_PANEL, need, lessonMayOverlay({ split: true }));
      expect(lesson.mode, `${window}px, list ${sidebarWidth}`).toBe('docked');
      if (sidebarWidth === FRAME.sidebarWide) {
        // No room for both panes' minimum: the lesson keeps its own, the panes get less (but stay in view).
        expect(lesson.width).toBe(LESSON_PANEL.min);
        continue;
      }
      // Each column is equal; the right pane holds the rule between them.
      const pane = Math.floor((window - sidebarWidth - lesson.width) / 2) - FRAME.splitRule;
      const details = fitPanel(pane, clampPanelWidth(DETAILS_PANEL.default, DETAILS_PANEL, pane), DETAILS_PANEL, minBesideDetails(pane));
      expect(details.mode, `${window}px`).toBe('overlay');
      expect(pane - details.width, `${window}px: rows in view beside the details`).toBeGreaterThanOrEqual(CONTENT_PEEK);
    }
    expect(fitPanel(1440, 480, LESSON_PANEL, minBesideLesson({ sidebarWidth: 48, split: true, detailsOpen: false }), false)).toEqual({ mode: 'docked', width: 480 });
    // One pane: the lesson may still lay over it where it has no room.
    expect(lessonMayOverlay({ split: false })).toBe(true);
    expect(fitPanel(1000, 480, LESSON_PANEL, 900, lessonMayOverlay({ split: false })).mode).toBe('overlay');
  });

  it('use the frame widths the CSS uses', () => {
    expect(FRAME).toMatchObject({ sidebarWide: 210, sidebarCollapsed: 48, viewNav: 144, narrowPane: 720 });
  });
});
