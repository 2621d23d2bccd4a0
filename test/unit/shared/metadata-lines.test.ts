import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyMetadata, MAX_LINES, metadataLine } from '../../../shared/library/document/metadata-lines';
import { parseLibrary } from '../../../shared/library/library-parser';
import { libraryHealth } from '../../../shared/library/library-health';
import { calendarDate, reviewState } from '../../../shared/library/review';
import { formatLintReport } from '../../../electron/lint-report';
import { LIMIT, pathological } from '../../support/pathological-inputs';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const parse = (text: string, path = 'payments/operations.md') => parseLibrary([{ path, text }], source);

describe('metadata lines at the top of a body', () => {
  it('reads bold lines, with the colon inside or outside the bold, and list items', () => {
    const body = '# Payments operations\n\n**Last Updated**: March 3, 2026\n**Version:** 2.4  \n- **Owner**: Payments Platform\n* **Priority**: CRITICAL\n**RTO**: 30 minutes\n**RPO:** 5 minutes\n**Status:** Current\n\nHow we run payments.';
    expect(bodyMetadata(body)).toEqual({ lastReviewed: 'March 3, 2026', version: '2.4', owner: 'Payments Platform', priority: 'critical', rto: '30 minutes', rpo: '5 minutes', status: 'Current' });
  });

  it('reads definition lines and a two-column table', () => {
    expect(bodyMetadata('# Queue runbook\n\nOwner: Messaging team\nLast reviewed: 2026-05-01\nSeverity: P2 - high\n')).toEqual({ owner: 'Messaging team', lastReviewed: '2026-05-01', severity: 'P2 - high', priority: 'high' });
    const table = '# Cache\n\n| Field | Value |\n|---|---|\n| **Owner** | Edge team |\n| Last updated | 12 Jan 2026 |\n| Document version | `3` |\n\n## Flush the cache\n';
    expect(bodyMetadata(table)).toEqual({ owner: 'Edge team', lastReviewed: '12 Jan 2026', version: '3' });
  });

  it('stops at the first section, reads through a Metadata section, and never past the first lines', () => {
    const report = '# Task 9: runbooks written\n\n## What was written\n\n### Database outage\n- **Priority**: CRITICAL\n- **RTO**: 1 hour\n';
    expect(bodyMetadata(report)).toEqual({});
    expect(bodyMetadata('# Search\n\n## Metadata\n\n- Owner: Search team\n\n## Reindex\n\nOwner: someone else')).toEqual({ owner: 'Search team' });
    const late = `# Late\n\n${'Some words.\n'.repeat(MAX_LINES)}**Owner**: Nobody\n`;
    expect(bodyMetadata(late)).toEqual({});
    expect(bodyMetadata('# Code\n\n```\nOwner: not metadata\n```\n**Owner**: Real team')).toEqual({ owner: 'Real team' });
  });

  it('ignores lines that only look alike', () => {
    for (const line of ['Note: the owner is on leave', '**Important**: read this first', '**Owner** DevOps', '| Owner | Team | Phone |', 'https://example.com/owner: x', '**Owner**:', '**Owner: no closing bold']) {
      expect(metadataLine(line), line).toBeUndefined();
    }
  });

  it('fills the runbook, says where it came from, and front matter still wins', () => {
    const [runbook] = parse('# Payments\n\n**Owner**: Payments team\n**Last Updated**: November 28, 2025\n**Status:** Draft\n\nWhat the payments service does.').runbooks;
    expect(runbook).toMatchObject({ owner: 'Payments team', lastReviewed: 'November 28, 2025', status: 'Draft', metadataFrom: 'body', summary: 'What the payments service does.' });
    const [declared] = parse('---\nowner: Front team\nversion: 7\n---\n# Payments\n\n**Owner**: Body team\n').runbooks;
    expect(declared).toMatchObject({ owner: 'Front team', version: '7', metadataFrom: 'front-matter' });
    const [mixed] = parse('---\nowner: Front team\n---\n# Payments\n\n**Owner**: Body team\n**Version**: 2\n').runbooks;
    expect(mixed).toMatchObject({ owner: 'Front team', version: '2', metadataFrom: 'body' });
    expect(parse('# Nothing stated\n\nJust text.').runbooks[0].metadataFrom).toBeUndefined();
  });

  it('health and lint no longer say "no owner" or "never reviewed" for a file whose first lines state both', () => {
    const snapshot = parse('# Operations\n\n**Last Updated:** December 1, 2026\n**Owner:** Operations team\n\n## Restart\n\n1. Restart it\n');
    expect(libraryHealth(snapshot, '2026-12-10').filter((finding) => finding.check === 'no-owner' || finding.check === 'review-due')).toEqual([]);
    expect(formatLintReport(snapshot, '2026-12-10', true).findings).toBe(0);
    expect(libraryHealth(snapshot, '2027-03-02').map((finding) => finding.check)).toContain('review-due');
  });

  it('reads any text up to the size limit in bounded time', () => {
    fc.assert(fc.property(pathological, (text) => void bodyMetadata(text)), { numRuns: 20, seed: 11 });
    for (const text of [`**${'*'.repeat(LIMIT - 2)}`, `|${'|'.repeat(LIMIT - 1)}`, `Owner:${' x'.repeat(LIMIT / 2 - 4)}`, `# ${'#'.repeat(LIMIT - 2)}`]) bodyMetadata(text);
  });

  it('any stated value is read back whatever the key spelling', () => {
    const value = fc.stringMatching(/^[A-Za-z][A-Za-z0-9/.-]{0,10}( [A-Za-z0-9/.-]{1,10}){0,3}$/);
    const form = fc.constantFrom((v: string) => `**Owner**: ${v}`, (v: string) => `**Owner:** ${v}`, (v: string) => `- **owner**: ${v}`, (v: string) => `Owner: ${v}`, (v: string) => `| Owner | ${v} |`);
    fc.assert(fc.property(value, form, (owner, write) => {
        expect(bodyMetadata(`# T\n\n${write(owner)}\n`).owner).toBe(owner);
      }), { numRuns: 200, seed: 2 });
  });
});

describe('review dates in words', () => {
  it('reads the ways documents write a date', () => {
    for (const text of ['November 28, 2025', 'Nov 28, 2025', '28 November 2025', '28th Nov. 2025', 'nov 28 2025', '2025-11-28']) expect(calendarDate(text), text).toEqual({ year: 2025, month: 11, day: 28 });
    expect(calendarDate('Sept 2, 2026')).toEqual({ year: 2026, month: 9, day: 2 });
  });

  it('refuses what is not a day of the calendar', () => {
    for (const text of ['February 30, 2026', 'Smarch 3, 2026', 'November 2025', 'last week', '28 28 2025', 'No 28, 2025']) expect(calendarDate(text), text).toBeUndefined();
  });

  it('counts a review from a date in words', () => {
    expect(reviewState('November 28, 2025', 'quarterly', '2026-02-27').state).toBe('current');
    expect(reviewState('November 28, 2025', 'quarterly', '2026-02-28')).toMatchObject({ state: 'due', dueOn: '2026-02-28' });
  });
});
