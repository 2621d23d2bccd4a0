// Long tasks on the window's thread (over 50 ms, as Chromium reports them): a frozen window shows up here.

/** An init script: records every long task from page load on, with when it started. */
export const WATCH_LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration }); }).observe({ type: 'longtask', buffered: true });`;

/** Page-side expression: the longest recorded task overlapping the given performance entry, 0 when none. */
export function longestTaskDuring(entryExpression: string): string {
  return `(() => {
    const span = ${entryExpression};
    if (!span) return NaN;
    const overlapping = (window.__longTasks ?? []).filter((task) => task.start < span.startTime + span.duration && task.start + task.duration > span.startTime);
    return Math.max(0, ...overlapping.map((task) => task.duration));
  })()`;
}
