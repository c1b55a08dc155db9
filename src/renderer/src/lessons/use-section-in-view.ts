/**
 * The lesson section being read: the last section whose heading has scrolled to within the top quarter of the
 * lesson body (which is `position: relative`, so offsetTop is measured from it). Recomputed on scroll (once per animation frame) and when the sections change.
 */
import { useEffect, useState, type RefObject } from 'react';

/** The anchor of the section at `scrollTop` (px), given each section's top offset within the body. Exported for tests. */
export function sectionAt(tops: readonly { anchor: string; top: number }[], scrollTop: number, viewHeight: number): string | undefined {
  const line = scrollTop + viewHeight / 4;
  let current = tops[0]?.anchor;
  for (const s of tops) {
    if (s.top <= line) current = s.anchor;
    else break;
  }
  return current;
}

export function useSectionInView(bodyRef: RefObject<HTMLElement | null>, sectionCount: number): string | undefined {
  const [anchor, setAnchor] = useState<string>();
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const sections = Array.from(body.querySelectorAll<HTMLElement>('[data-anchor]'));
      const tops = sections.map((el) => ({ anchor: el.dataset.anchor ?? '', top: el.offsetTop }));
      setAnchor(sectionAt(tops, body.scrollTop, body.clientHeight));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    body.addEventListener('scroll', onScroll, { passive: true });
    measure();
    return () => {
      body.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [bodyRef, sectionCount]);
  return anchor;
}
