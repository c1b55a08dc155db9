/**
 * The inner width of an element (its clientWidth: without borders and without a vertical scrollbar), kept up
 * to date with a ResizeObserver. The table lays its columns out for this width, not the window's: a details
 * panel, a second pane or a collapsed sidebar all change it, and so does a vertical scrollbar appearing.
 */
import { useLayoutEffect, useState } from 'react';

/** @param element the element to measure (from a callback ref); @param fallback width until it is measured, px. */
export function useElementWidth(element: HTMLElement | null, fallback: number): number {
  const [width, setWidth] = useState<number>(fallback);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const next = element.clientWidth;
      if (next > 0) setWidth((previous) => (previous === next ? previous : next));
    };
    measure();
    // jsdom has no ResizeObserver: the first measurement (or the fallback) stays.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
