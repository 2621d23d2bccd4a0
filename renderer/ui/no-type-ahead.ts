import type { KeyboardEvent } from 'react';

/**
 * For a select that records the moment its value changes (an incident's status or severity): a
 * stray letter must not pick an option by type-ahead, or an R meant for "run" resolves the incident.
 * Arrows, Home/End, Space and Enter still choose, on purpose.
 */
export function refuseTypeAhead(event: KeyboardEvent<HTMLSelectElement>) {
  if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) event.preventDefault();
}
