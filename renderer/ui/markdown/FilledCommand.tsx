import { commandText, fillCommand, MASKED, missingParams, recordedCommand, type CommandPiece, type RunParam } from '../../../shared/library/run-params';
import { placeholdersToReplace } from '../../../shared/library/document/command-placeholders';
import { CopyButton } from '../CopyButton';
import { ScrollablePre } from './ScrollablePre';

export interface CommandFilling {
  params: RunParam[];
  values: Record<string, string>;
  /** Records the copy (as recorded: secrets masked); resolves once it is durable. */
  onCopied(recorded: string): Promise<boolean>;
  /**
   * On a page, not a run: the parameters left as written. A copy names those it still holds, as a
   * page's copy of a command does, so nobody pastes `{{service}}` unawares.
   */
  unfilled?: readonly RunParam[];
}

/** A command block of a run: values filled in and marked, a gap where a required one is empty. */
export function FilledCommand({ command, filling }: { command: string; filling: CommandFilling }) {
  const pieces = fillCommand(command, filling.params, filling.values);
  const missing = missingParams(pieces);
  return (
    <div className="code-block">
      <ScrollablePre>
        <code>
          <Pieces pieces={pieces} />
        </code>
      </ScrollablePre>
      {missing.length ? (
        <span className="copy-blocked" role="note">
          Fill in {missing.join(', ')} <kbd>P</kbd>
        </span>
      ) : (
        <CopyButton text={commandText(pieces)} onCopied={() => filling.onCopied(recordedCommand(pieces))} command placeholders={placeholdersLeft(commandText(pieces), filling)} />
      )}
    </div>
  );
}

export function FilledInline({ text, filling }: { text: string; filling: CommandFilling }) {
  return (
    <code>
      <Pieces pieces={fillCommand(text, filling.params, filling.values)} />
    </code>
  );
}

function Pieces({ pieces }: { pieces: CommandPiece[] }) {
  return pieces.map((piece, index) =>
    piece.kind === 'text' ? (
      piece.text
    ) : piece.missing ? (
      <mark key={index} className="param-gap" title={`${piece.name} is empty: fill it in with P`}>
        {piece.written ?? `{{${piece.name}}}`}
      </mark>
    ) : !piece.value && piece.written ? (
      <mark key={index} className="param-unfilled" title={`${piece.name} is empty: copied as written (fill it in with P)`}>
        {piece.written}
      </mark>
    ) : (
      <mark key={index} className="param-value" title={`${piece.name}${piece.secret ? ' (secret)' : ''}`}>
        {piece.secret && piece.value ? MASKED : piece.value}
      </mark>
    ),
  );
}

const writtenAs = (param: RunParam) => param.written ?? `{{${param.name}}}`;

/**
 * The placeholders a copy still holds, to be named beside "Copied". On a page: the runbook's own
 * left unfilled, then any other. In a run: those its parameters do not cover (a rollback section of
 * another procedure, `<backup-file>`); one of its own left empty on purpose (`$NAMESPACE`, for the
 * shell) is not one.
 */
function placeholdersLeft(text: string, filling: CommandFilling): string[] {
  const others = placeholdersToReplace(text);
  if (filling.unfilled) return [...new Set([...filling.unfilled.map(writtenAs).filter((written) => text.includes(written)), ...others])];
  const covered = new Set(filling.params.map(writtenAs));
  return others.filter((written) => !covered.has(written));
}
