import { describeEvent } from '../../../shared/incident/event-description';
import { formatUtc } from '../../../shared/incident/time-format';
import { Dialog } from '../../ui/Dialog';
import { useIncidentStore } from './incident-store';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** A long list is cut here: the counts say how many there are in all. */
const SHOWN = 30;

/**
 * The question before a rebuild from the journal: what it would add to the record, which lines of
 * the file it refused and why. Enter adds; Esc or Cancel changes nothing.
 */
export function RebuildConfirm() {
  const asked = useIncidentStore((state) => state.rebuild);
  if (!asked) return null;
  const { merge, held } = asked;
  const { cancelRebuild, confirmRebuild } = useIncidentStore.getState();
  const adds = merge.added.length;
  return (
    <Dialog
      title={`Rebuild “${merge.state.title}” from its journal`}
      onClose={cancelRebuild}
      onSubmit={() => (adds ? void confirmRebuild() : cancelRebuild())}
      actions={
        adds ? (
          <button type="submit" className="primary">
            Add {adds} event{adds === 1 ? '' : 's'} <kbd>Enter</kbd>
          </button>
        ) : null
      }
    >
      <p>
        {held ? `This app’s database holds ${held} event${held === 1 ? '' : 's'} of this incident; all of them are kept. ` : 'This app’s database has nothing of this incident yet. '}
        {adds ? `The journal file adds ${adds}:` : 'The journal file has nothing to add.'}
        {merge.alreadyHeld > 0 && ` (${merge.alreadyHeld} line${merge.alreadyHeld === 1 ? ' holds an event' : 's hold events'} the database already has.)`}
      </p>
      {adds > 0 && (
        <ol className="rebuild-added" aria-label="Events to add">
          {merge.added.slice(0, SHOWN).map((event) => (
            <li key={event.seq} value={event.seq}>
              {formatUtc(event.at).slice(11)} {describeEvent(event, merge.state, TIME_ZONE)}
            </li>
          ))}
          {adds > SHOWN && <li className="muted">and {adds - SHOWN} more</li>}
        </ol>
      )}
      {merge.refused.length > 0 && (
        <>
          <p role="note">
            Refused, not added ({merge.refused.length} line{merge.refused.length === 1 ? '' : 's'} of the file):
          </p>
          <ul className="rebuild-refused" aria-label="Lines refused">
            {merge.refused.slice(0, SHOWN).map((refusal) => (
              <li key={refusal.line}>{refusal.reason}</li>
            ))}
            {merge.refused.length > SHOWN && <li className="muted">and {merge.refused.length - SHOWN} more</li>}
          </ul>
        </>
      )}
    </Dialog>
  );
}
