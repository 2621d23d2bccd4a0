// The resolver of the library open now: links map to its files through the sync settings (the
// repository's own pages, the published sites) and its runbook ids. Rebuilt when either changes.
import { useMemo } from 'react';
import { libraryLinkResolver } from '../../../shared/alerts/links/library-links';
import type { LinkResolver } from '../../../shared/alerts/links/link-target';
import { useLibraryStore } from '../library';
import { useSyncStore } from '../sync';
import { linkContextOf } from './link-context';

export function useLinkResolver(): LinkResolver {
  const summaries = useLibraryStore((state) => state.summaries);
  const settings = useSyncStore((state) => state.settings);
  return useMemo(
    () => libraryLinkResolver(linkContextOf(settings), summaries.map((summary) => summary.id)),
    [settings, summaries],
  );
}
