import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What a screen reader calls the block once it is a tab stop. */
  label?: string;
}

/**
 * A code block's text. When it is wider or taller than its box (a long command scrolls inside it),
 * it becomes a named tab stop, so someone on a keyboard can reach it and scroll it with the arrow
 * keys; a block that shows everything stays out of the Tab order. Measured after every render
 * (filled-in values change the width) and whenever the box is resized.
 */
export function ScrollablePre({ children, label = 'Code, scrolls' }: Props) {
  const pre = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = pre.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });
  return (
    <pre ref={pre} {...(scrolls && { tabIndex: 0, role: 'group', 'aria-label': label })}>
      {children}
    </pre>
  );
}
