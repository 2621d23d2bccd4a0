import { describe, expect, it } from 'vitest';
import { describeKeptAndRemoved } from '../../../shared/sync/library-changes';
import { keptSentence } from '../../../shared/sync/kept-parts';

const sync = { kind: 'git', commit: 'abc1234def5678'.padEnd(40, '0'), committedAt: '2026-11-30T17:45:00.000Z', syncedAt: '2026-12-01T08:00:00.000Z' } as const;
const bundle = { kind: 'bundled', builtAt: '2026-11-02T10:00:00.000Z' } as const;

describe('what a sync summary and the pages say was kept', () => {
  it('names the part, the commit and date or the bundle it came from, and why the synced one was not used', () => {
    expect(keptSentence('contacts', { because: 'absent', from: sync })).toBe('Roster kept from an earlier sync (abc1234, 2026-11-30): the synced repository has no oncall.yml.');
    expect(keptSentence('severity', { because: 'unreadable', from: bundle }, 4)).toBe(
      'Severity levels (4 levels) kept from the library bundled with the app (built 2026-11-02): the synced severity.yml could not be read (see Library health).',
    );
    expect(keptSentence('templates', { because: 'absent', from: sync }, 1)).toBe('Message templates (1 template) kept from an earlier sync (abc1234, 2026-11-30): the synced repository has no templates/ folder.');
  });

  it('lists what was kept, then the pinned notes, people, levels and templates that went, a long list cut to a count', () => {
    const people = Array.from({ length: 12 }, (_, index) => ({ id: `p${index}`, title: `Person ${index + 1}` }));
    expect(
      describeKeptAndRemoved({
        kept: [{ part: 'contacts', count: 2, because: 'absent', from: sync }],
        alsoRemoved: [
          { what: 'pinned-notes', items: [{ id: 'notes/freeze', title: 'Deploys are frozen' }] },
          { what: 'contacts', items: people },
        ],
      }),
    ).toEqual([
      'Roster (2 people) kept from an earlier sync (abc1234, 2026-11-30): the synced repository has no oncall.yml.',
      'Pinned notes removed: Deploys are frozen.',
      'People removed from oncall.yml: Person 1, Person 2, Person 3, Person 4, Person 5, Person 6, Person 7, Person 8, Person 9, Person 10 and 2 more.',
    ]);
  });
});
