import type { Priority } from '../../../shared/model';

export function PriorityBadge({ priority }: { priority?: Priority }) {
  if (!priority) return null;
  return <span className={`badge priority-${priority}`}>{priority}</span>;
}
