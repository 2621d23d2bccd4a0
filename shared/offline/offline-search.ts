// Search in the offline copy: the app's own engine (MiniSearch with the same terms, expansion and
// fuse.js ranking, loaded from the same index the app searches) and the app's note search, so a
// query finds in the copy what it finds in the palette. The copy's script is this module bundled
// (renderer/features/health/offline-copy-script.ts); the app builds its data.
import type { AdminNote } from '../model';
import { NoteSearch } from '../search/note-search';
import { titleMatches, titleWords } from '../search/title-match';
import { SearchEngine, type SectionHit, type SerializedSearchIndex } from '../search/search-engine';
import { fillFromBody, hitsNeedingBodies } from '../search/section-match';

/** A page of the copy that is not a document: severity levels, on-call, a message template. */
export interface OfflinePageLink {
  key: string;
  title: string;
}

/** What the copy carries for search beside the index (which it carries whole, as the app stores it). */
export interface OfflineSearchData {
  /** Runbook bodies by id: a hit that matched only in its text shows the matching line, as in the app. */
  bodies: Record<string, string>;
  notes: AdminNote[];
  pages: OfflinePageLink[];
  /** What the app calls each runbook type and note kind (`incident-response`: "Incident response"). */
  labels: Record<string, string>;
}

export type OfflineGroup = 'Runbooks' | 'Weaker matches' | 'Admin notes' | 'Pages';

/** One line of the results list, in the palette's order: runbooks, weaker matches, notes, then pages. */
export interface OfflineResult {
  /** The copy's route: `runbook/<id>`, `note/<id>` or a page's key. */
  key: string;
  title: string;
  group: OfflineGroup;
  /** The runbook's type or the note's kind, in words. */
  kind?: string;
  snippet?: string;
  /** Words of the document that matched (typos corrected), for highlighting. */
  terms: string[];
}

/** As many as the palette asks the engine for. */
const RUNBOOK_LIMIT = 20;

/** The copy's search: the index the app searches, whatever its shape, and the rest search needs. */
export function offlineSearchData(
  index: SerializedSearchIndex,
  runbooks: { id: string; body: string }[],
  notes: AdminNote[],
  pages: OfflinePageLink[],
  labels: Record<string, string>,
): { index: SerializedSearchIndex; data: OfflineSearchData } {
  // Own properties whatever the id (`__proto__` included): fromEntries defines, never assigns.
  const bodies = Object.fromEntries(runbooks.map((runbook) => [runbook.id, runbook.body]));
  return { index, data: { bodies, notes, pages, labels } };
}

export class OfflineSearch {
  private constructor(
    private readonly engine: SearchEngine,
    private readonly notes: NoteSearch,
    private readonly data: OfflineSearchData,
  ) {}

  /** `index`: as `buildSearchIndex` wrote it, loaded as the app loads it. */
  static load(index: SerializedSearchIndex, data: OfflineSearchData): OfflineSearch {
    return new OfflineSearch(SearchEngine.load(index), new NoteSearch(data.notes), data);
  }

  search(query: string): OfflineResult[] {
    if (!query.trim()) return [];
    const hits = this.engine.search(query, {}, RUNBOOK_LIMIT);
    // As the app's search worker does: the section each of the first hits matched in, read from its body.
    for (const hit of hitsNeedingBodies(query, hits)) if (Object.hasOwn(this.data.bodies, hit.summary.id)) fillFromBody(query, hit, this.data.bodies[hit.summary.id]);
    const runbooks = hits.flatMap((hit): OfflineResult[] => {
      const result = (section: SectionHit | undefined, snippet: string | undefined): OfflineResult => ({
        key: `runbook/${hit.summary.id}${section ? `?section=${encodeURIComponent(section.slug)}` : ''}`,
        title: section ? `${hit.summary.title} › ${section.heading ?? section.slug}` : hit.summary.title,
        group: hit.weak ? 'Weaker matches' : 'Runbooks',
        kind: this.label(hit.summary.type),
        snippet,
        terms: hit.terms,
      });
      return [result(hit.section, hit.snippet), ...(hit.moreSections ?? []).map((section) => result(section, section.snippet))];
    });
    const notes = this.notes.search(query).map((note): OfflineResult => ({ key: `note/${note.id}`, title: note.title, group: 'Admin notes', kind: this.label(note.kind), snippet: note.snippet, terms: note.terms }));
    return [...runbooks, ...notes, ...this.pages(query)];
  }

  private label(kind: string): string {
    return Object.hasOwn(this.data.labels, kind) ? this.data.labels[kind] : kind;
  }

  /** Pages are found as the palette finds its actions: each word typed starts a word of the title. */
  private pages(query: string): OfflineResult[] {
    const words = titleWords(query);
    if (!words.length) return [];
    return this.data.pages.filter((page) => titleMatches(page.title, query)).map((page) => ({ key: page.key, title: page.title, group: 'Pages', terms: words }));
  }
}
