import { useEffect, useState, type RefObject } from 'react';
import { START_RUN_KEY } from '../../../ui/keys';
import { TitlePlace } from '../TitlePlace';

/**
 * The runbook's title, kept at the top of the page once its header has scrolled away: a search
 * result opens the page at its section ("Step 4: Roll back…"), and the responder saw no title, nor
 * that R runs it. It takes no room in the flow (nothing moves when it shows), names the file when
 * another runbook has the title, and the page's scroll padding keeps a section scrolled to from
 * going under it. Words only: the header says it to assistive technology already, and R is the key.
 */
export function RunbookContextStrip({ titleRow, id, title, runnable }: { titleRow: RefObject<HTMLElement | null>; id: string; title: string; runnable: boolean }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const row = titleRow.current;
    if (!row) return;
    const watch = new IntersectionObserver(([entry]) => setShown(!entry.isIntersecting));
    watch.observe(row);
    return () => watch.disconnect();
  }, [titleRow]);
  return (
    <div className={shown ? 'runbook-context shown' : 'runbook-context'} aria-hidden="true" data-testid="runbook-context">
      <span className="runbook-context-title">
        {title}
        <TitlePlace id={id} />
      </span>
      {runnable && (
        <span className="muted">
          <kbd>{START_RUN_KEY}</kbd> run
        </span>
      )}
    </div>
  );
}
