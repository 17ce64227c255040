import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of a chart's container in CSS pixels, followed as the window resizes: the charts draw
 * at their real size so that their text stays legible on a phone instead of shrinking with a
 * scaled viewBox.
 */
export function useWidth<T extends HTMLElement>(fallback = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
