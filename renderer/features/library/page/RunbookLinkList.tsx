import { hashOf } from '../../../app/services/routes';
import { TitlePlace } from '../TitlePlace';

/** A plain list of links to runbooks, by title (related runbooks, the runbooks a note is about). */
export function RunbookLinkList({ runbooks }: { runbooks: { id: string; title: string }[] }) {
  return (
    <ul>
      {runbooks.map((runbook) => (
        <li key={runbook.id}>
          <a href={hashOf({ name: 'runbook', id: runbook.id })}>
            {runbook.title}
            <TitlePlace id={runbook.id} />
          </a>
        </li>
      ))}
    </ul>
  );
}
