/**
 * Makes a <details> disclosure used as a menu close the way menus do: Escape inside it closes it and returns focus
 * to its <summary> (and is marked handled, so the frame's Escape does not also close a panel: App.tsx), and a
 * pointer press outside it closes it. The native element keeps its own keyboard and screen-reader behaviour.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/** Returns the onKeyDown handler to put on the <details>; the outside-press listener lives while `open`. */
export function useDisclosureDismiss(ref: RefObject<HTMLDetailsElement | null>, open: boolean): (event: KeyboardEvent<HTMLDetailsElement>) => void {
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [ref, open]);
  return (event) => {
    const details = ref.current;
    if (event.key !== 'Escape' || !details?.open) return;
    // A <select> inside handles Escape itself (closing its list) only while its list is open, which the page cannot
    // see; closing the menu then is what the user asked for anyway.
    event.preventDefault();
    event.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };
}
