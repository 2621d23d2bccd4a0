import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';
import { troubleshootingEntries, troubleshootingFor } from '../../../shared/library/markdown/runbook-sections';
import { LIMIT, NAMED_CASES, pathological } from '../../support/pathological-inputs';

// When a step fails, the run offers the runbook's Troubleshooting entry for that failure before
// Rollback: the one sharing the most words with the step's title, its commands and what the
// responder said failed; the whole section when no entry does.

function bodyOf(path: string): string {
  const split = splitFrontMatter(readFileSync(`runbooks/${path}`, 'utf8'));
  if (!split.ok) throw new Error(split.reason);
  return split.body;
}

describe('the Troubleshooting entry for a failed step', () => {
  it('finds the bundled database runbook’s entry for a refused failover', () => {
    const help = troubleshootingFor(bodyOf('incident-response/database-outage.md'), [
      'Fail over to the healthiest replica',
      'patronictl -c /etc/patroni/patroni.yml failover --candidate {{candidate}} --force',
      'patronictl said no candidate',
    ]);
    expect(help).toMatchObject({ heading: 'Troubleshooting', matched: true });
    expect(help?.markdown).toContain('Failover refused: no healthy candidate');
  });

  it('tells apart two entries written as bold lines of one paragraph', () => {
    const body = bodyOf('release/release-deployment.md');
    const signing = troubleshootingFor(body, ['Sign the artifacts', 'the certificate expired']);
    expect(signing?.markdown).toBe('**Artifacts not signed.** Check that the signing certificate has not expired and the secrets exist.');
    const workflow = troubleshootingFor(body, ['Watch the release workflow', 'gh run watch']);
    expect(workflow?.markdown).toBe('**Workflow failed.** Read its logs, fix, delete the tag and push it again.');
  });

  it('picks among sub-headings and list items, whichever the section uses', () => {
    const headed = '# T\n\n## Steps\n1. Restart Redis\n\n## Known issues\n### Disk full\nClear `/var/log`.\n```bash\ndf -h\n\ndu -sh /var/log\n```\n### Redis will not start\nRead `journalctl -u redis`.\n';
    expect(troubleshootingFor(headed, ['Restart Redis', 'systemctl restart redis'])?.markdown).toBe('### Redis will not start\nRead `journalctl -u redis`.');
    expect(troubleshootingFor(headed, ['Free space', 'df -h'])?.markdown).toContain('du -sh /var/log\n```');
    const listed = '## Common issues\n- **Token expired**: log in again with `vault login`.\n- **Pod pending**: check the node pool quota.\n';
    expect(troubleshootingFor(listed, ['Scale the pod', 'kubectl get pod'])?.markdown).toBe('- **Pod pending**: check the node pool quota.');
  });

  it('offers the whole section when no entry shares a word with the step', () => {
    const body = bodyOf('release/release-deployment.md');
    const help = troubleshootingFor(body, ['Announce', 'Post the release notes']);
    expect(help?.matched).toBe(false);
    expect(help?.markdown).toContain('**Workflow failed.**');
    expect(help?.markdown).toContain('**Artifacts not signed.**');
  });

  it('offers nothing when the runbook has no Troubleshooting section', () => {
    expect(troubleshootingFor(bodyOf('troubleshooting/disk-full.md'), ['anything'])).toBeUndefined();
  });

  it('keeps a fenced block whole, blank lines and all, inside its entry', () => {
    expect(troubleshootingEntries('**Stuck.** Run:\n```\na\n\n**not an entry**\n```\n\n**Slow.** Wait.')).toEqual(['**Stuck.** Run:\n```\na\n\n**not an entry**\n```', '**Slow.** Wait.']);
  });

  it('reads any hostile section up to the file size limit', () => {
    const clue = fc.string({ maxLength: 2000 });
    fc.assert(
      fc.property(pathological, clue, (text, words) => {
        const help = troubleshootingFor(`## Troubleshooting\n${text}`, [words]);
        if (help) expect(help.section.length).toBeLessThanOrEqual(text.length + 20);
      }),
      { numRuns: 15, seed: 11 },
    );
    for (const text of Object.values(NAMED_CASES)) {
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      troubleshootingFor(`## Troubleshooting\n${text}`, [text]);
    }
  });
});
