import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What a screen reader calls the block once it is a tab stop. */
  label?: string;
}

/**
 * A code block's text. When it is wider or taller than its box (a long command scrolls inside it),
 * it becomes a named tab stop, so someone on a keyboard can reach it and scroll it with the arrow
 * keys; a block that shows everything stays out of the Tab order.
 */
export function ScrollablePre({ children, label = 'Code, scrolls' }: Props) {
  const pre = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // Whenever the text changes (a filled-in value changes the width)…
  useLayoutEffect(() => {
    if (pre.current) setScrolls(overflows(pre.current));
  }, [children]);
  // …and whenever the box is resized, by one observer for the block's life: the run screen renders every second, and a new observer per
  // render per block would be work on the hottest path the app has.
  useLayoutEffect(() => {
    const element = pre.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setScrolls(overflows(element)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <pre ref={pre} {...(scrolls && { tabIndex: 0, role: 'group', 'aria-label': label })}>
      {children}
    </pre>
  );
}

const overflows = (element: HTMLElement) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight;
