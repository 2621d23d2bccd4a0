import { useEffect, useMemo } from 'react';
import { procedures } from '../../../../shared/library/document/procedures';
import { headingAnchors, SECTION_ID_PREFIX, type HeadingAnchor } from '../../../../shared/library/markdown/heading-slug';
import type { Runbook } from '../../../../shared/model';
import { isTyping } from '../../../ui/is-typing';

/**
 * The outermost two heading levels of a runbook (sections and their steps), beside the text, and
 * any deeper heading a procedure starts at: a team's document often keeps its procedures at the
 * fourth level ("3.1 Critical Incidents › API Unavailability"), and a responder goes there by the
 * outline and `[` `]`. `markdown`: the page's text of `runbook`.
 */
export function RunbookOutline({ markdown, runbook }: { markdown: string; runbook: Runbook }) {
  const anchors = useMemo(() => {
    const all = headingAnchors(markdown).filter((anchor) => anchor.level > 1);
    const top = all.reduce((lowest, anchor) => Math.min(lowest, anchor.level), 6);
    const starts = new Set(procedures(runbook).map((procedure) => SECTION_ID_PREFIX + procedure.section));
    return all.filter((anchor) => anchor.level <= top + 1 || starts.has(anchor.id));
  }, [markdown, runbook]);
  useSectionKeys(anchors);
  if (anchors.length < 2) return null;
  const top = anchors[0].level;
  return (
    <nav className="runbook-outline" aria-label="Outline">
      <h2>
        Outline <span className="keys"><kbd>[</kbd> <kbd>]</kbd></span>
      </h2>
      <ol>
        {anchors.map((anchor) => (
          <li key={anchor.id} className={anchor.level > top + 1 ? 'outline-step outline-deeper' : anchor.level > top ? 'outline-step' : undefined}>
            <a
              href={`#${anchor.id}`}
              onClick={(event) => {
                event.preventDefault();
                scrollToAnchor(anchor.id);
              }}
            >
              {anchor.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function scrollToAnchor(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  // Focus follows, so the keyboard goes on from the section read (a heading takes focus once told to).
  target?.setAttribute('tabindex', '-1');
  target?.focus({ preventScroll: true });
}

/** `]` goes to the next section or step, `[` to the previous one, measured from the top of the page area. */
function useSectionKeys(anchors: HeadingAnchor[]) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key !== '[' && event.key !== ']') || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const page = document.querySelector('.app-main');
      if (!page || !anchors.length) return;
      // From the section last jumped to (it has focus), else from the one at the top of the page area:
      // near the end of a runbook the last sections cannot scroll up to the top.
      const focused = anchors.findIndex((anchor) => anchor.id === document.activeElement?.id);
      const top = page.getBoundingClientRect().top + 12;
      const positions = anchors.map((anchor) => document.getElementById(anchor.id)?.getBoundingClientRect().top ?? Infinity);
      const atTop = positions.reduce((found, position, index) => (position <= top ? index : found), -1);
      const current = focused >= 0 ? focused : atTop;
      const next = event.key === ']' ? current + 1 : focused >= 0 || positions[current] >= top - 4 ? current - 1 : current;
      if (next >= 0 && next < anchors.length) {
        event.preventDefault();
        scrollToAnchor(anchors[next].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [anchors]);
}
