import { describe, expect, it } from 'vitest';
import { sectionOutline } from '../../../shared/library/markdown/section-outline';

describe('sectionOutline', () => {
  it('gives each heading its parents, its line range and the anchor the page gives it', () => {
    const body = ['# Operations Runbook', '', '## Common Operations', '### Rollback', 'git checkout <hash>', '```', '# not a heading', '```', '## Database', '### Rollback', 'restore'].join('\n');
    const outline = sectionOutline(body);
    expect(outline.map((section) => [section.slug, section.parents.join(' › '), section.from, section.to])).toEqual([
      ['common-operations', '', 3, 8],
      ['rollback', 'Common Operations', 4, 8],
      ['database', '', 9, 11],
      ['rollback-1', 'Database', 10, 11],
    ]);
  });

  it('keeps every level-1 heading as a section when a document has several', () => {
    expect(sectionOutline('# One\ntext\n# Two\n## Inner').map((section) => `${section.parents.join('/')}:${section.heading}`)).toEqual([':One', ':Two', 'Two:Inner']);
  });
});
