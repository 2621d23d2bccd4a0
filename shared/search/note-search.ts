import MiniSearch from 'minisearch';
import type { AdminNote, NoteKind } from '../model';
import { expandQuery } from './query-expansion';
import { snippetOf } from './snippet';
import { processTerm, tokenize } from './terms';

/** An admin note that matched, for the palette's own group of notes. */
export interface NoteHit {
  id: string;
  title: string;
  kind: NoteKind;
  terms: string[];
  snippet?: string;
}

/** Admin notes are few (tens, not thousands): indexed whole when first searched, with the runbooks' word rules. */
export class NoteSearch {
  private readonly index = new MiniSearch<AdminNote>({
    fields: ['title', 'tags', 'body'],
    extractField: (note, field) => (field === 'tags' ? note.tags.join(' ') : String(note[field as keyof AdminNote] ?? '')),
    tokenize,
    processTerm,
    searchOptions: { boost: { title: 4, tags: 2, body: 1 }, fuzzy: (term) => (term.length > 3 ? 0.25 : false), maxFuzzy: 2, prefix: (term) => term.length > 2 },
  });
  private readonly byId: Map<string, AdminNote>;

  constructor(notes: AdminNote[]) {
    this.byId = new Map(notes.map((note) => [note.id, note]));
    this.index.addAll(notes);
  }

  search(query: string, limit = 5): NoteHit[] {
    if (!query.trim()) return [];
    return this.index
      .search(expandQuery(query))
      .slice(0, limit)
      .map((result) => {
        const note = this.byId.get(String(result.id)) as AdminNote;
        return { id: note.id, title: note.title, kind: note.kind, terms: result.terms, snippet: snippetOf(note.body, result.terms) };
      });
  }
}
