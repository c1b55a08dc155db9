/**
 * A toolbar button that opens a small panel below it (the Columns menu, the namespace picker, a lesson's contents). The panel is a
 * non-modal dialog: Escape or a click outside closes it and focus goes back to the button; focus moves into it
 * when it opens.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** What a panel narrowed to its view leaves free on each side of it, px. */
const ROOM_MARGIN = 8;

export interface PopoverButtonProps {
  /** The button's text. */
  label: ReactNode;
  /** The panel's accessible name (and the button's tooltip). */
  title: string;
  testId: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  pressed?: boolean;
  /** What takes focus when the panel opens (a selector inside it); absent: its first input or button. */
  initialFocus?: string;
  /**
   * Close when focus moves to something outside the button and its panel (Tab past the last item, a click on
   * another control), as a menu does; focus is left where it went. Off by default: a filter panel keeps its
   * place while the user looks elsewhere.
   */
  closeOnFocusOut?: boolean;
  /** `close(false)` closes without giving focus back to the button (the caller moves it). */
  children: (close: (refocus?: boolean) => void) => ReactNode;
}

export function PopoverButton({ label, title, testId, align = 'start', pressed, initialFocus, closeOnFocusOut, children }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  // The side the panel opens to: `align`, unless that would take it out of its view (under the view nav, past the
  // window): a filter bar that wraps puts an end-aligned button at the left edge at 1280 (trial 5, N-D1). A view
  // narrower than the panel gets the panel narrowed to it instead: the lesson's contents, 440 px, flipped out of
  // a lesson docked at 448 px and were clipped by it, their items under the panes (trial 8 follow-up).
  const [side, setSide] = useState(align);
  const [fit, setFit] = useState<CSSProperties>();
  useLayoutEffect(() => {
    if (!open) {
      setSide(align);
      setFit(undefined);
      return;
    }
    const box = panel.current?.getBoundingClientRect();
    const at = anchor.current?.getBoundingClientRect();
    const room = (anchor.current?.closest('.table-view, .pane, .side-panel') ?? document.documentElement).getBoundingClientRect();
    if (!box || !at) return;
    if (box.width > room.width - 2 * ROOM_MARGIN) {
      const width = Math.max(0, room.width - 2 * ROOM_MARGIN);
      setFit({ width, maxWidth: width, left: room.left + ROOM_MARGIN - at.left, right: 'auto' });
    } else if (box.left < room.left) setSide('start');
    else if (box.right > room.right) setSide('end');
  }, [open, align]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const first = (initialFocus && panel.current?.querySelector<HTMLElement>(initialFocus)) || panel.current?.querySelector<HTMLElement>('input, button, [tabindex="0"]');
    first?.focus();
    first?.scrollIntoView?.({ block: 'nearest' });
    const onPointerDown = (event: PointerEvent) => {
      if (anchor.current && !anchor.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
    // close is recreated each render but only touches refs and state setters.
  }, [open, initialFocus]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div
      className="popover-anchor"
      ref={anchor}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
      onBlur={(event) => {
        // Only a move to another focusable element: a click on the panel's padding blurs to nothing, and a click
        // elsewhere is the pointerdown's to handle.
        const to = event.relatedTarget as Node | null;
        if (closeOnFocusOut && open && to && !anchor.current?.contains(to)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={pressed ? 'button popover-button active' : 'button popover-button'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={title}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div ref={panel} id={id} role="dialog" aria-label={title} className={`popover popover-${side}`} style={fit} data-testid={`${testId}-panel`}>
          {children((refocus = true) => close(refocus))}
        </div>
      )}
    </div>
  );
}
