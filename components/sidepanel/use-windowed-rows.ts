import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

// Rows drawn above and below the screen, so a quick scroll shows no gap before the next frame.
const OVERSCAN = 8;

/**
 * Which rows of a long list to draw: those on screen in the page's own scroll, and a few around
 * them. Every row has the same height except at most one opened row, which is taller by
 * `openExtra`, so each row's place is computed, never measured.
 * @returns A ref for the list element, the rows [start, end) to draw, the space to leave above
 *   them and the list's whole height.
 */
export function useWindowedRows(count: number, rowHeight: number, openIndex: number, openExtra: number) {
  const ref = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, bottom: typeof window === 'undefined' ? 800 : window.innerHeight });

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const list = ref.current;
      if (!list) return;
      // The visible band in the list's own coordinates.
      const top = -list.getBoundingClientRect().top;
      setView((now) => (now.top === top && now.bottom === top + window.innerHeight ? now : { top, bottom: top + window.innerHeight }));
    };
    const schedule = () => (frame ||= requestAnimationFrame(measure));
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [count > 0]);
  // The list's place on the page moves when what is above it changes (a message line, a filter).
  useEffect(() => {
    const list = ref.current;
    if (list) setView({ top: -list.getBoundingClientRect().top, bottom: -list.getBoundingClientRect().top + window.innerHeight });
  }, [count, openIndex]);

  const open = openIndex >= 0 && openIndex < count ? openIndex : -1;
  const offsetOf = (index: number) => index * rowHeight + (open >= 0 && index > open ? openExtra : 0);
  const indexAt = (y: number) => {
    if (open >= 0 && y > offsetOf(open + 1)) return Math.floor((y - openExtra) / rowHeight);
    return Math.floor(y / rowHeight);
  };
  const start = Math.max(0, Math.min(count, indexAt(Math.max(0, view.top)) - OVERSCAN));
  const end = Math.max(start, Math.min(count, indexAt(Math.max(0, view.bottom)) + 1 + OVERSCAN));
  return { ref, start, end, offset: offsetOf(start), totalHeight: offsetOf(count) };
}
