import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { noteBody } from '../../../shared/library/note-parser';
import { noteProblem, type NoteDraft } from '../../../shared/notes/local-note';
import { noteFile, noteFileName } from '../../../shared/notes/note-file';
import { NOTE_KINDS } from '../../../shared/model';

// Sharing a note writes it as a notes/ file; the team's library reads it back. What the responder
// wrote must come back whole: a body opening with a `# heading`, `---` lines, text that looks like
// front matter, any script.

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const RUNBOOKS = ['db/outage', 'api/restart', 'network/dns-failure'];

/** The note the library reads from the shared file (beside the runbooks it names). */
function sharedAndRead(draft: NoteDraft) {
  const path = `notes/${noteFileName(draft)}`;
  const runbooks = RUNBOOKS.map((id) => ({ path: `${id}.md`, text: `---\ntitle: ${id}\n---\n# ${id}\n\n## Steps\n\n1. One\n` }));
  const parsed = parseLibrary([...runbooks, { path, text: noteFile(draft) }], source);
  expect(parsed.problems.filter((problem) => problem.path === path)).toEqual([]);
  const { id, path: readPath, ...note } = parsed.notes[0];
  expect([id, readPath]).toEqual([path.replace(/\.md$/, ''), path]);
  return note;
}

const line = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('# Check the replica first', '# heading', '## Sub heading', '---', '...', '---\ntitle: forged\nkind: warning\n---', 'title: not front matter', '    indented code', '```', '~~~', '> quote', '- [ ] task', '', '   ', '日本語の注意', '🔥 hot', '\\', '#hashtag', '# '),
);
const body = fc
  .array(line, { minLength: 1, maxLength: 12 })
  .map((lines) => lines.join('\n').replace(/\r/g, ''))
  .filter((text) => text.trim() !== '');
const title = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.constantFrom('Check the replica first', 'C#', 'Fix #', '#', '*bold* title', 'a: b', '- dash', '"quoted"', 'null', 'true', '1.0'));
const tag = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,10}$/);
const draft = fc
  .record({
    title: title.map((text) => text.replace(/[\r\n]/g, ' ').trim()),
    kind: fc.constantFrom(...NOTE_KINDS),
    body,
    tags: fc.uniqueArray(tag, { maxLength: 4 }),
    runbooks: fc.uniqueArray(fc.constantFrom(...RUNBOOKS), { maxLength: 3 }),
    step: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    pinned: fc.boolean(),
  })
  .map((note): NoteDraft => ({ ...note, step: note.runbooks.length ? note.step : undefined }))
  .filter((note) => noteProblem(note, new Set(RUNBOOKS)) === undefined);

describe('sharing a note as a notes/ file', () => {
  it('keeps a body that begins with a # heading, and one that begins with the title itself', () => {
    const note: NoteDraft = { title: 'Check the replica first', kind: 'warning', body: '# Before you start\n\nStop the writes.', tags: [], runbooks: [], pinned: false };
    expect(sharedAndRead(note)).toEqual({ ...note, step: undefined });
    const titled = { ...note, body: '# Check the replica first\n\nStop the writes.' };
    expect(sharedAndRead(titled)).toEqual({ ...titled, step: undefined });
  });

  it('reads back any draft as written: title, kind, tags, runbooks, step, pinned and body', () => {
    fc.assert(
      fc.property(draft, (note) => {
        // The body as kept: without blank lines before it or blanks after it.
        expect(sharedAndRead(note)).toEqual({ ...note, body: noteBody(note.body) });
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('still takes a library note’s first heading as its title, and drops a heading that repeats the title', () => {
    const parsed = parseLibrary(
      [
        { path: 'notes/a.md', text: '# From the heading\n\nText.' },
        { path: 'notes/b.md', text: '---\ntitle: Repeated\n---\n# Repeated\n\nText.' },
        { path: 'notes/c.md', text: '---\ntitle: Own title\n---\n# A section\n\nText.' },
      ],
      source,
    );
    expect(parsed.notes.map((note) => [note.title, note.body])).toEqual([
      ['From the heading', 'Text.'],
      ['Repeated', 'Text.'],
      ['Own title', '# A section\n\nText.'],
    ]);
  });
});
