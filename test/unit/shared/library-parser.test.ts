import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { snapshotProblem } from '../../../shared/library/snapshot-validation';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

describe('parseLibrary', () => {
  it('reports a broken file with its path and reason and keeps the rest', () => {
    const snapshot = parseLibrary(
      [
        { path: 'ok.md', text: '# Fine runbook' },
        { path: 'broken.md', text: '---\ntitle: [oops\n---\n# Broken' },
        { path: 'evil.md', text: '---js\nrequire("child_process")\n---\n' },
        { path: 'also-ok.md', text: '# Another' },
      ],
      source,
    );
    expect(snapshot.runbooks.map((runbook) => runbook.id)).toEqual(['also-ok', 'ok']);
    expect(snapshot.problems).toEqual([
      { path: 'broken.md', reason: expect.stringMatching(/not valid YAML/), level: 'error' },
      { path: 'evil.md', reason: expect.stringMatching(/only YAML/), level: 'error' },
    ]);
  });

  it('sorts files into runbooks, notes, templates, on-call and severity, and skips READMEs', () => {
    const snapshot = parseLibrary(
      [
        { path: 'README.md', text: '# How to write runbooks' },
        { path: 'db/restore.md', text: '# Restore' },
        { path: 'notes/tip.md', text: '---\nkind: warning\npinned: true\nrunbooks: [db/restore]\n---\n# Careful\nText' },
        { path: 'templates/initial.md', text: '---\ntitle: Initial\nfields:\n  service: { label: Service, default: API }\n---\n{{service}} is down since {{started}}' },
        { path: 'oncall.yml', text: 'people:\n  - name: Ada Quill\n    role: Primary\n    phone: "+1 555 0100"\n' },
        { path: 'severity.yml', text: 'levels:\n  - id: P0\n    name: Critical\n    response_time: 15 minutes\n' },
      ],
      source,
    );
    expect(snapshot.runbooks.map((runbook) => runbook.id)).toEqual(['db/restore']);
    expect(snapshot.notes).toEqual([expect.objectContaining({ id: 'notes/tip', title: 'Careful', kind: 'warning', pinned: true, runbooks: ['db/restore'] })]);
    expect(snapshot.templates[0].fields).toEqual([
      { name: 'service', label: 'Service', default: 'API', options: undefined },
      { name: 'started', label: 'started' },
    ]);
    expect(snapshot.contacts).toEqual([expect.objectContaining({ name: 'Ada Quill', role: 'Primary', phone: '+1 555 0100', escalationOrder: 1 })]);
    expect(snapshot.severity).toEqual([expect.objectContaining({ id: 'P0', responseTime: '15 minutes' })]);
    expect(snapshot.problems).toEqual([]);
  });

  it('reports invalid on-call and severity files, duplicate ids and dangling links', () => {
    const snapshot = parseLibrary(
      [
        { path: 'a.md', text: '---\nid: same\nrelated: [nowhere]\n---\n# A' },
        { path: 'b.md', text: '---\nid: same\n---\n# B' },
        { path: 'oncall.yml', text: 'people:\n  - role: nobody\n' },
        { path: 'severity.yml', text: 'levels: nope' },
      ],
      source,
    );
    expect(snapshot.runbooks.map((runbook) => runbook.path)).toEqual(['a.md']);
    expect(snapshot.problems).toEqual(
      expect.arrayContaining([
        { path: 'oncall.yml', reason: 'person 1 has no name; left out', level: 'error' },
        { path: 'severity.yml', reason: 'expected a list under "levels:"', level: 'error' },
        { path: 'b.md', reason: 'id "same" is already used by a.md', level: 'error' },
      ]),
    );
  });

  it('lists duplicate contacts, severity levels and template fields as problems of their file and imports the rest', () => {
    const snapshot = parseLibrary(
      [
        { path: 'oncall.yml', text: 'people:\n  - name: Ada Quill\n    phone: "1"\n  - name: Bram Oyelaran\n  - name: Ada Quill\n    phone: "2"\n  - just a string\n' },
        { path: 'severity.yml', text: 'levels:\n  - id: SEV1\n    response_time: 5m\n  - id: SEV1\n    response_time: 1h\n  - id: SEV2\n    response_time: 30m\n' },
        { path: 'templates/update.md', text: '---\nfields:\n  - name: service\n    label: First\n  - name: service\n    label: Second\n---\n{{service}}' },
        { path: 'runbook.md', text: '# Still here' },
      ],
      source,
    );
    expect(snapshot.contacts.map((contact) => [contact.name, contact.phone])).toEqual([['Ada Quill', '1'], ['Bram Oyelaran', undefined]]);
    expect(snapshot.severity.map((level) => [level.id, level.responseTime])).toEqual([['SEV1', '5m'], ['SEV2', '30m']]);
    expect(snapshot.templates[0].fields).toEqual([{ name: 'service', label: 'First', default: undefined, options: undefined }]);
    expect(snapshot.runbooks.map((runbook) => runbook.title)).toEqual(['Still here']);
    expect(snapshot.problems).toEqual([
      { path: 'oncall.yml', reason: 'person 3 has the id "ada-quill" of person 1; left out (give it its own `id:`)', level: 'error' },
      { path: 'oncall.yml', reason: 'person 4 is not a mapping; left out', level: 'error' },
      { path: 'severity.yml', reason: 'level 2 has the id "SEV1" of level 1; left out (give it its own `id:`)', level: 'error' },
    ]);
    expect(snapshotProblem(snapshot)).toBeUndefined();
  });

  it('refuses a snapshot from elsewhere whose contacts share an id, before it reaches the database', () => {
    const snapshot = parseLibrary([{ path: 'oncall.yml', text: 'people:\n  - name: Ada\n' }], source);
    snapshot.contacts.push({ ...snapshot.contacts[0] });
    expect(snapshotProblem(snapshot)).toBe('two contacts share the id "ada"');
  });

  it('gives the same content the same version, and changed content a new one', () => {
    const files = [{ path: 'a.md', text: '# A' }];
    const later = { kind: 'bundled', builtAt: '2026-11-02T00:00:00Z' } as const;
    expect(parseLibrary(files, source).version).toBe(parseLibrary(files, later).version);
    expect(parseLibrary([{ path: 'a.md', text: '# A2' }], source).version).not.toBe(parseLibrary(files, source).version);
  });

  it('tells a library without oncall.yml, severity.yml or templates from one whose files list nothing', () => {
    const runbook = { path: 'a.md', text: '# A' };
    expect(parseLibrary([runbook], source).presence).toEqual({ contacts: 'absent', severity: 'absent', templates: 'absent' });
    const emptied = parseLibrary(
      [runbook, { path: 'oncall.yml', text: 'people: []\n' }, { path: 'severity.yml', text: 'levels: []\n' }, { path: 'templates/README.md', text: '# Our templates\n\nNone yet.' }],
      source,
    );
    expect(emptied.presence).toEqual({ contacts: 'read', severity: 'read', templates: 'read' });
    expect([emptied.contacts, emptied.severity, emptied.templates]).toEqual([[], [], []]);
    expect(snapshotProblem(emptied)).toBeUndefined();
  });

  it('marks a team file that is there but cannot be read as unreadable, not absent', () => {
    const snapshot = parseLibrary(
      [
        { path: 'oncall.yml', text: 'people: [oops\n' },
        { path: 'severity.yml', text: 'levels: just words\n' },
        { path: 'templates/update.md', text: '---\ntitle: [oops\n---\nBody' },
      ],
      source,
    );
    expect(snapshot.presence).toEqual({ contacts: 'unreadable', severity: 'unreadable', templates: 'unreadable' });
    // A file the loader refused (a symbolic link, too big) is there too; a hidden one is not library content.
    const refused = parseLibrary([], source, [
      { path: 'oncall.yml', reason: 'symbolic link refused: links are not read from a synced repository', level: 'error' },
      { path: 'templates/.draft.md', reason: 'hidden', level: 'skipped' },
    ]);
    expect(refused.presence).toEqual({ contacts: 'unreadable', severity: 'absent', templates: 'absent' });
    // One readable template is enough for the folder to be read.
    const some = parseLibrary([{ path: 'templates/a.md', text: '---\ntitle: [oops\n---\n' }, { path: 'templates/b.md', text: '# B' }], source);
    expect(some.presence.templates).toBe('read');
  });

  it('refuses a snapshot from elsewhere that does not say which team files it had', () => {
    const snapshot = parseLibrary([{ path: 'a.md', text: '# A' }], source) as unknown as Record<string, unknown>;
    expect(snapshotProblem({ ...snapshot, presence: undefined })).toBe('which team files it has is missing or malformed');
    expect(snapshotProblem({ ...snapshot, presence: { contacts: 'read', severity: 'read', templates: 'maybe' } })).toBe('which team files it has is missing or malformed');
  });
});
