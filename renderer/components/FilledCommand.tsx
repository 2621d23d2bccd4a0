import { useEffect, useState } from 'react';
import { commandText, fillCommand, MASKED, missingParams, recordedCommand, type CommandPiece, type RunParam } from '../../shared/run-params';

export interface CommandFilling {
  params: RunParam[];
  values: Record<string, string>;
  /** Records the copy (as recorded: secrets masked); resolves once it is durable. */
  onCopied(recorded: string): Promise<boolean>;
}

/** A command block of a run: values filled in and marked, a gap where a required one is empty. */
export function FilledCommand({ command, filling }: { command: string; filling: CommandFilling }) {
  const pieces = fillCommand(command, filling.params, filling.values);
  const missing = missingParams(pieces);
  return (
    <div className="code-block">
      <pre>
        <code>
          <Pieces pieces={pieces} />
        </code>
      </pre>
      {missing.length ? (
        <span className="copy-blocked" role="note">
          Fill in {missing.join(', ')} <kbd>P</kbd>
        </span>
      ) : (
        <RunCopyButton text={commandText(pieces)} recorded={recordedCommand(pieces)} onCopied={filling.onCopied} />
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
        {`{{${piece.name}}}`}
      </mark>
    ) : (
      <mark key={index} className="param-value" title={`${piece.name}${piece.secret ? ' (secret)' : ''}`}>
        {piece.secret && piece.value ? MASKED : piece.value}
      </mark>
    ),
  );
}

/** Copies, then records the copy; says Copied only once the record is written. */
function RunCopyButton({ text, recorded, onCopied }: { text: string; recorded: string; onCopied(recorded: string): Promise<boolean> }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed' | 'unrecorded'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1500);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setState('failed');
      return;
    }
    setState((await onCopied(recorded)) ? 'copied' : 'unrecorded');
  };
  return (
    <button type="button" className="copy-button" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy by hand' : state === 'unrecorded' ? 'Copied, not recorded' : 'Copy'}
    </button>
  );
}
