import { useEffect, useState } from 'react';
import { interactiveShell, interactiveShellWords } from '../../shared/library/document/interactive-shell';

interface Props {
  text: string;
  label?: string;
  /** Records the copy (during a run); resolves false when it could not be recorded. "Copied" shows only after it. */
  onCopied?: () => Promise<boolean>;
  /** The text is a command block: say beside the button when it opens an interactive shell. */
  command?: boolean;
  /**
   * Placeholders the copied text still holds (`<previous-commit-hash>`, `{{service}}`), as written:
   * named beside "Copied", so nobody runs it as it is.
   */
  placeholders?: readonly string[];
}

export function CopyButton({ text, label = 'Copy', onCopied, command = false, placeholders: blanks = [] }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed' | 'unrecorded'>('idle');
  const shell = command ? interactiveShell(text) : undefined;
  const long = !!shell || blanks.length > 0;
  useEffect(() => {
    if (state === 'idle') return;
    // Long enough to read what the shell or placeholder warning says.
    const timer = window.setTimeout(() => setState('idle'), long ? 5000 : 1500);
    return () => window.clearTimeout(timer);
  }, [state, long]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setState('failed');
      return;
    }
    setState(!onCopied || (await onCopied()) ? 'copied' : 'unrecorded');
  };
  const copied = state === 'copied' ? 'Copied' : state === 'unrecorded' ? 'Copied, not recorded' : undefined;
  const said = copied && [blanks.length ? `${copied} with placeholders to replace: ${blanks.join(', ')}` : copied, shell && interactiveShellWords(shell)].filter(Boolean).join('. ');
  const button = (
    <button type="button" className={blanks.length ? 'copy-button warns' : 'copy-button'} onClick={() => void copy()} aria-live="polite">
      {said || (state === 'failed' ? 'Copy failed: select and copy by hand' : label)}
    </button>
  );
  if (!shell) return button;
  return (
    <span className="copy-area">
      {button}
      <span className="interactive-label" title={interactiveShellWords(shell)}>
        interactive: {shell.tool}
      </span>
    </span>
  );
}
