import { useMemo } from 'react';
import { PRIORITIES } from '../../../shared/model';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { SearchFilters } from '../../../shared/search/search-engine';
import { TYPE_ORDER, typeLabel } from './type-labels';

interface Props {
  summaries: RunbookSummary[];
  value: SearchFilters;
  onChange(filters: SearchFilters): void;
}

/** Type, priority and tag filters, for the library page and the search palette alike. */
export function RunbookFilters({ summaries, value, onChange }: Props) {
  const types = useMemo(() => [...new Set(summaries.map((summary) => summary.type))].sort(byTypeOrder), [summaries]);
  const tags = useMemo(() => [...new Set(summaries.flatMap((summary) => summary.tags))].sort(), [summaries]);
  const choices: { key: keyof SearchFilters; label: string; any: string; options: string[]; text(option: string): string }[] = [
    { key: 'type', label: 'Type', any: 'All types', options: types, text: typeLabel },
    { key: 'priority', label: 'Priority', any: 'All priorities', options: [...PRIORITIES], text: (option) => option },
    { key: 'tag', label: 'Tag', any: 'All tags', options: tags, text: (option) => option },
  ];
  return (
    <div className="filters" role="group" aria-label="Filters">
      {choices.map((choice) => (
        <label key={choice.key}>
          {choice.label}
          <select value={value[choice.key] ?? ''} onChange={(event) => onChange({ ...value, [choice.key]: event.target.value || undefined })}>
            <option value="">{choice.any}</option>
            {choice.options.map((option) => (
              <option key={option} value={option}>
                {choice.text(option)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

export function byTypeOrder(a: string, b: string): number {
  const rank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
