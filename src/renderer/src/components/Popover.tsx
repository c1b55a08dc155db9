/**
 * A toolbar button that opens a small panel below it (the Columns menu, the namespace picker, a lesson's contents). The panel is a
 * non-modal dialog: Escape or a click outside closes it and focus goes back to the button; focus moves into it
 * when it opens.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

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
  children: (close: () => void) => ReactNode;
}

export function PopoverButton({ label, title, testId, align = 'start', pressed, initialFocus, children }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  // The side the panel opens to: `align`, unless that would take it out of its view (under the view nav, past the
  // window): a filter bar that wraps puts an end-aligned button at the left edge at 1280 (trial 5, N-D1).
  const [side, setSide] = useState(align);
  useLayoutEffect(() => {
    if (!open) {
      setSide(align);
      return;
    }
    const box = panel.current?.getBoundingClientRect();
    const room = (anchor.current?.closest('.table-view, .pane') ?? document.documentElement).getBoundingClientRect();
    if (!box) return;
    if (box.left < room.left) setSide('start');
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
        <div ref={panel} id={id} role="dialog" aria-label={title} className={`popover popover-${side}`} data-testid={`${testId}-panel`}>
          {children(() => close())}
        </div>
      )}
    </div>
  );
}
