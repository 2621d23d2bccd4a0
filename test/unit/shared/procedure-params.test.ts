import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureParams } from '../../../shared/library/document/procedure-params';
import { procedures } from '../../../shared/library/document/procedures';
import { parseRunbook } from '../../../shared/library/runbook-parser';

const paydesk = parseRunbook('paydesk/OPERATIONS_RUNBOOK.md', {}, readFileSync(path.join(import.meta.dirname, '../../fixtures/team-docs/paydesk/OPERATIONS_RUNBOOK.md'), 'utf8'));
const indexOf = (title: string) => procedures(paydesk).findIndex((procedure) => procedure.title === title);

describe('what a run of one procedure asks for', () => {
  it('asks only for the placeholders of its own commands', () => {
    expect(procedureParams(paydesk, indexOf('Roll Back Deployment')).map((param) => param.label)).toEqual(['Commit hash']);
    expect(procedureParams(paydesk, indexOf('Restore from Backup')).map((param) => param.label)).toContain('Backup file');
    expect(procedureParams(paydesk, indexOf('Restore from Backup')).map((param) => param.label)).not.toContain('Commit hash');
  });

  it('keeps asking a whole runbook for every placeholder and declared parameter', () => {
    const body = '# Fail over\n\n## Steps\n\n1. Promote\n   ```\n   promote <replica>\n   ```\n2. Point the app\n   ```\n   set-primary {{host}}\n   ```\n';
    const runbook = parseRunbook('db/failover.md', { params: [{ name: 'host', label: 'New primary host' }] }, body);
    expect(procedureParams(runbook).map((param) => param.label)).toEqual(['New primary host', 'Replica']);
  });
});
