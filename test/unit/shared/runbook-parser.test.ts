import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';
import { parseRunbook } from '../../../shared/library/runbook-parser';
import { stepCommands, stepMarkdown } from '../../../shared/library/markdown/runbook-steps';

function parseFile(path: string, text: string) {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error(split.reason);
  return parseRunbook(path, split.data, split.body);
}

const fixture = (path: string) => parseFile(path, readFileSync(new URL(`../../fixtures/foreign/${path}`, import.meta.url), 'utf8'));

describe('parseRunbook, our format', () => {
  const text = `---
title: Renew the certificate
type: Maintenance
priority: HIGH
tags: [TLS, nginx]
aliases: CertificateExpiringSoon
rto: 30 minutes
last_reviewed: 2026-01-02
related: [deployment/deploy]
runbook_url_template: kept
---
# Ignored heading title

## Purpose
Renew before expiry.

## Steps

### Step 1: Check the date
\`\`\`bash
openssl x509 -noout -dates -in cert.pem
\`\`\`

### Step 2: Renew
Run \`sudo certbot renew\` now.

## Verification
- [ ] New expiry date
- [x] Chain verifies

## Related
- [Restore](../backup/restore.md)
`;
  const runbook = parseFile('maintenance/cert.md', text);

  it('takes metadata from front matter, normalised', () => {
    expect(runbook).toMatchObject({
      id: 'maintenance/cert',
      title: 'Renew the certificate',
      type: 'maintenance',
      priority: 'high',
      tags: ['tls', 'nginx'],
      aliases: ['CertificateExpiringSoon'],
      rto: '30 minutes',
      lastReviewed: '2026-01-02',
      reviewEvery: 'quarterly',
      summary: 'Renew before expiry.',
    });
    expect(runbook.extra).toEqual({ runbook_url_template: 'kept' });
  });

  it('recognises steps, their commands, verification items and related links', () => {
    expect(runbook.steps.map((step) => step.title)).toEqual(['Check the date', 'Renew']);
    expect(stepCommands(runbook, runbook.steps[0])).toEqual(['openssl x509 -noout -dates -in cert.pem']);
    expect(runbook.verification).toEqual(['New expiry date', 'Chain verifies']);
    expect(runbook.related).toEqual(['deployment/deploy', 'backup/restore']);
    expect(runbook.commands).toContain('sudo certbot renew');
  });
});

describe('parseRunbook, foreign runbooks', () => {
  it('reads a Hugo page: title and description from front matter, unknown keys kept, numbered steps', () => {
    const runbook = fixture('hugo/postgres-failover.md');
    expect(runbook.title).toBe('Postgres failover (Hugo page)');
    expect(runbook.summary).toBe('Promote a replica when the primary is gone.');
    expect(runbook.extra).toMatchObject({ weight: 20, draft: false });
    expect(runbook.steps.map((step) => step.title)).toEqual(['Check the cluster', 'Promote the replica', 'Tell the team in the channel.']);
    expect(stepCommands(runbook, runbook.steps[1])).toEqual(['patronictl failover --candidate pg-2 --force']);
    // A list item's text is read from the body by its lines, without its marker and indent.
    expect(stepMarkdown(runbook, runbook.steps[1])).toBe('Promote the replica:\n```bash\npatronictl failover --candidate pg-2 --force\n```');
    expect(stepMarkdown(runbook, runbook.steps[2])).toBe('Tell the team in the channel.');
  });

  it('keeps each step as a line range of the body, read back whole', () => {
    const runbook = parseFile('r.md', '# T\n\n## Steps\n\n### Step 1: Look\n\nRun it:\n\n```bash\ndf -h\n```\n\n### Step 2: Fix\n\nFree space.\n\n## Verification\n\n- [ ] ok\n');
    expect(runbook.steps.map((step) => [step.title, stepMarkdown(runbook, step)])).toEqual([
      ['Look', 'Run it:\n\n```bash\ndf -h\n```'],
      ['Fix', 'Free space.'],
    ]);
    expect(JSON.stringify(runbook.steps)).not.toContain('df -h');
  });

  it('reads plain Markdown with no front matter: title from the first heading, steps from the numbered list', () => {
    const runbook = fixture('plain/restart-workers.md');
    expect(runbook).toMatchObject({ id: 'plain/restart-workers', title: 'Restart the queue workers', type: 'general', summary: 'When jobs pile up and nothing consumes them.' });
    expect(runbook.steps).toHaveLength(3);
    expect(runbook.commands).toEqual(expect.arrayContaining(['redis-cli llen jobs', 'systemctl restart worker@*']));
  });

  it('falls back to the file name for a title', () => {
    const runbook = fixture('plain/no-heading-at-all.md');
    expect(runbook.title).toBe('No heading at all');
    expect(runbook.commands).toEqual(['df -h /var']);
  });

  it('turns alert runbook headings into guided steps and Meaning into the summary', () => {
    const runbook = fixture('alerts/KubePodCrashLooping.md');
    expect(runbook.title).toBe('KubePodCrashLooping');
    expect(runbook.summary).toBe('A pod keeps restarting: its container exits soon after it starts.');
    expect(runbook.steps.map((step) => step.title)).toEqual(['Impact', 'Diagnosis', 'Mitigation']);
    expect(stepCommands(runbook, runbook.steps[2])).toEqual(['kubectl rollout undo deployment/$DEPLOYMENT -n $NAMESPACE']);
  });

  it('takes the type from a known folder name when front matter has none', () => {
    expect(parseFile('disaster-recovery/x.md', '# X').type).toBe('disaster-recovery');
    expect(parseFile('misc/x.md', '# X').type).toBe('general');
  });
});
