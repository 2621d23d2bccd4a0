import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../../shared/incident/event-description';
import { TestRecord, testRunbook } from '../../../support/incident-record';

// A copy in the timeline names what was pasted: a document's block often opens with a numbered
// comment, and "copied `# 1. Checkout previous version` …" hid that it held a database restore.

function timelineLineOf(command: string): string {
  const record = new TestRecord()
    .add({ type: 'incident-declared', title: 'Checkout latency', severity: 'P2' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() })
    .add({ type: 'command-copied', runId: 'run-1', command });
  return describeEvent(record.events[2], record.current, 'UTC');
}

describe('a copied command in the timeline', () => {
  it('names a block by its first command, not its opening comment, and counts the others', () => {
    const block = ['# 1. Checkout previous version', 'git checkout <previous-commit-hash>', '', '# 2. Rebuild and restart', 'docker-compose build', 'docker-compose up -d', '# 3. Rollback database if needed', './scripts/restore-database.sh <backup-file>'].join('\n');
    expect(timelineLineOf(block)).toMatch(/copied `git checkout <previous-commit-hash>` and 3 more command lines$/);
  });

  it('gives a one-line command whole, and says "and 1 more command line" for two', () => {
    expect(timelineLineOf('kubectl -n payments get pods')).toMatch(/copied `kubectl -n payments get pods`$/);
    expect(timelineLineOf('redis-cli info memory\nredis-cli --bigkeys')).toMatch(/copied `redis-cli info memory` and 1 more command line$/);
  });

  it('keeps a block of comments only recognisable by its first line', () => {
    expect(timelineLineOf('# Visit the Sentry dashboard\n# Look for new errors')).toMatch(/copied `# Visit the Sentry dashboard` …$/);
  });
});
