import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportSummaryView } from '../../../renderer/features/bundle/BundleSummaryDialog';
import type { ImportSummary } from '../../../renderer/features/bundle/bundle-store';

// What a responder reads after importing a bundle: per incident, what was new, what was already
// here, what was refused and why; and the lines of the file that could not be used.

/** The dialog's text as read, tags taken out. */
const text = (summary: ImportSummary) => renderToStaticMarkup(<ImportSummaryView summary={summary} onClose={() => undefined} />).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the import summary', () => {
  it('names each incident with what it brought, the events refused with their reasons, and the lines not used', () => {
    const summary: ImportSummary = {
      fileName: '2026-12-01-checkout-down.failsafe-bundle',
      header: { failsafe: 'incident-bundle', version: 1, exportedAt: '2026-12-01T09:30:00.000Z', by: 'Ana', incidents: 3, events: 57 },
      problems: [{ line: 58, reason: 'cut off (the file ends in the middle of this line)' }],
      unnamed: 0,
      incidents: [
        { incidentId: 'inc-checkout', title: 'Checkout down', added: 40, alreadyHeld: 0, refused: [], joined: true },
        { incidentId: 'inc-db', title: 'Database slow', added: 0, alreadyHeld: 12, refused: [{ writer: 'w-1234567890ab', seq: 4, reason: 'event 4 of w-1234567890ab differs from the one this machine holds, which is kept' }], joined: false },
        { incidentId: 'inc-later', added: 4, alreadyHeld: 0, refused: [], joined: false },
      ],
    };
    const html = text(summary);
    expect(html).toContain('Imported “2026-12-01-checkout-down.failsafe-bundle”');
    expect(html).toContain('Made 2026-12-01 09:30:00 UTC by Ana: 3 incidents, 57 events.');
    expect(html).toContain('Checkout down Joined: new to this machine, now in Incidents. 40 new events.');
    expect(html).toContain('Database slow Nothing new: all 12 events were already here. 1 event refused.');
    expect(html).toContain('Event 4 of writer 12345678: event 4 of w-1234567890ab differs from the one this machine holds, which is kept.');
    expect(html).toContain('inc-later 4 events kept, not shown yet: the incident’s declaration has not reached this machine.');
    expect(html).toContain('Line 58: cut off (the file ends in the middle of this line).');
  });

  it('says nothing was imported from a file that is not a bundle', () => {
    const html = text({ fileName: 'notes.txt', problems: [{ line: 1, reason: 'this is not a Failsafe incident bundle (its first line is not a bundle header)' }], unnamed: 0, incidents: [] });
    expect(html).toContain('Nothing was imported: Line 1: this is not a Failsafe incident bundle');
  });
});
