/**
 * Escape (or ×) returns focus where the panel was opened from: the table row (its grid, whose active row is the
 * object's row) or the link. When that element is gone (a link was followed to another view and back), the grid of
 * the pane's current view takes focus; its active row is the selected object's (the table locates it).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Focus the opener if it is still on screen, else the pane's table, else leave focus alone. */
export function restoreFocus(opener: HTMLElement | null, pane: Element | null): void {
  if (opener?.isConnected) {
    opener.focus();
    return;
  }
  const grid = pane?.querySelector<HTMLElement>('.view-main [role="grid"]');
  grid?.focus();
}

/**
 * Remembers what had focus when the panel appeared and gives it back when the panel goes away, but only if focus
 * went away with it (the user pressed Escape or × inside the panel, or focus was nowhere). `inside` points at an
 * element of the panel.
 */
export function useReturnFocus(inside: RefObject<HTMLElement | null>): void {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    // The panel is the side panel around the element the ref points into.
    const root = inside.current?.closest<HTMLElement>('.side-panel') ?? inside.current;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body && !root?.contains(active) ? active : null;
    const pane = root?.closest('.pane') ?? null;
    return () => {
      const focused = document.activeElement;
      const lost = !focused || focused === document.body || Boolean(root?.contains(focused)) || !focused.isConnected;
      if (!lost) return;
      // After React has removed the panel: focus then sits on <body>.
      setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body && now.isConnected) return;
        restoreFocus(opener.current, pane);
      }, 0);
    };
    // Only when the panel appears and goes: following links inside it keeps the original opener.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
}
