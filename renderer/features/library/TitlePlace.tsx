import { titlePlaces } from '../../../shared/library/document/title-places';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import { useLibraryStore } from './library-store';

// Computed once per library view (the summaries are replaced, never changed, when a library loads).
const cache = new WeakMap<readonly RunbookSummary[], Map<string, string>>();

function placesOf(summaries: readonly RunbookSummary[]): Map<string, string> {
  let places = cache.get(summaries);
  if (!places) cache.set(summaries, (places = titlePlaces(summaries)));
  return places;
}

/** Where a runbook is, beside its title, when another runbook has the same title; else nothing. */
export function TitlePlace({ id }: { id: string }) {
  const place = useLibraryStore((state) => placesOf(state.summaries).get(id));
  return place ? <span className="title-place"> {place}</span> : null;
}
