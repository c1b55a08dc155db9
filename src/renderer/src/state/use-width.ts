/** The current content width of an element (px), kept up to date with a ResizeObserver; 0 until measured. */
import { useEffect, useState, type RefObject } from 'react';

export function useElementWidth(ref: RefObject<HTMLElement | null>, which: 'self' | 'parent' = 'self'): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const own = ref.current;
    const el = which === 'parent' ? own?.parentElement : own;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, which]);
  return width;
}

/** The window's inner width (px), updated on resize. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1280 : window.innerWidth));
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
