import { hashOf } from '../../app/services/routes';

/** A plain list of links to runbooks, by title (related runbooks, the runbooks a note is about). */
export function RunbookLinkList({ runbooks }: { runbooks: { id: string; title: string }[] }) {
  return (
    <ul>
      {runbooks.map((runbook) => (
        <li key={runbook.id}>
          <a href={hashOf({ name: 'runbook', id: runbook.id })}>{runbook.title}</a>
        </li>
      ))}
    </ul>
  );
}
