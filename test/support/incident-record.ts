// Builds incident records for tests: events stamped by a clock the test moves.
import type { EventBody, IncidentEvent, RunbookCopy } from '../../shared/incident/incident-events';
import { stampEvents, type Writer } from '../../shared/incident/event-stamp';
import { applyEvent, lastSeqOf, type IncidentState } from '../../shared/incident/incident-state';

export const T0 = Date.UTC(2026, 10, 23, 2, 14, 5);

export class TestRecord {
  events: IncidentEvent[] = [];
  state: IncidentState | undefined;
  at = T0;
  mono = 1000;
  session = 'session-a';

  constructor(
    readonly incidentId = 'inc-1',
    public writer: Writer = { id: 'writer-a' },
  ) {}

  private stamp(bodies: EventBody[]): IncidentEvent[] {
    const place = { lastSeq: lastSeqOf(this.state, this.writer.id), latestClock: this.state?.clock };
    return stampEvents(this.incidentId, this.writer, place, this.session, { now: () => ({ at: this.at, mono: this.mono }) }, bodies);
  }

  /** Moves both clocks forward (a clock jump moves only the wall clock: `jumpWall`). */
  wait(ms: number) {
    this.at += ms;
    this.mono += ms;
    return this;
  }

  jumpWall(ms: number) {
    this.at += ms;
    return this;
  }

  /** A relaunch: a new session, its monotonic clock starting again. */
  relaunch(session: string) {
    this.session = session;
    this.mono = 5;
    return this;
  }

  /** Appends events that must be accepted. */
  add(...bodies: EventBody[]): this {
    for (const event of this.stamp(bodies)) {
      const applied = applyEvent(this.state, event);
      if (!applied.ok) throw applied.error;
      this.state = applied.state;
      this.events.push(event);
    }
    return this;
  }

  /** The reason the next event is refused, or undefined when it is accepted (and then not kept). */
  refusal(body: EventBody): string | undefined {
    const [event] = this.stamp([body]);
    const applied = applyEvent(this.state, event);
    return applied.ok ? undefined : applied.error.message;
  }

  get current(): IncidentState {
    if (!this.state) throw new Error('no incident yet');
    return this.state;
  }
}

export function testRunbook(overrides: Partial<RunbookCopy> = {}): RunbookCopy {
  const body = [
    '# Restart the API',
    '',
    '## Steps',
    '',
    '### Step 1: Check the pods',
    '```bash',
    'kubectl -n {{namespace}} get pods -o go-template="{{.status.phase}}"',
    '```',
    '',
    '### Step 2: Restart',
    '```bash',
    'kubectl -n {{namespace}} rollout restart deploy/{{service}}',
    '```',
    '',
    '### Step 3: Log in to the database',
    '```bash',
    'PGPASSWORD={{db_password}} psql -h {{db_host}} -c "select 1"',
    '```',
    '',
    '## Verification',
    '- [ ] Pods are running',
    '- [ ] Error rate is back to normal',
    '',
    '## Rollback',
    '```bash',
    'kubectl -n {{namespace}} rollout undo deploy/{{service}}',
    '```',
  ].join('\n');
  return {
    id: 'incident-response/restart-api',
    title: 'Restart the API',
    path: 'incident-response/restart-api.md',
    version: '1.2',
    bodyHash: 'hash-1',
    body,
    steps: [
      { index: 1, title: 'Check the pods', fromLine: 5, toLine: 9, listItem: false },
      { index: 2, title: 'Restart', fromLine: 10, toLine: 14, listItem: false },
      { index: 3, title: 'Log in to the database', fromLine: 15, toLine: 19, listItem: false },
    ],
    verification: ['Pods are running', 'Error rate is back to normal'],
    rollback: '```bash\nkubectl -n {{namespace}} rollout undo deploy/{{service}}\n```',
    related: [{ id: 'incident-response/database-outage', title: 'Database outage' }],
    duration: '15 minutes',
    params: [
      { name: 'namespace', label: 'Namespace', default: 'production', required: true, secret: false },
      { name: 'service', label: 'Service', required: true, secret: false, options: ['api', 'worker'] },
      { name: 'db_host', label: 'Database host', required: false, secret: false, example: 'db-1.internal' },
      { name: 'db_password', label: 'Database password', required: true, secret: true },
    ],
    libraryVersion: 'lib-v1',
    libraryCommit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    ...overrides,
  };
}
