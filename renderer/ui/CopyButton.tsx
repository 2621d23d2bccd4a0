import { useEffect, useState } from 'react';

interface Props {
  text: string;
  label?: string;
  /** Records the copy (during a run); resolves false when it could not be recorded. "Copied" shows only after it. */
  onCopied?: () => Promise<boolean>;
}

export function CopyButton({ text, label = 'Copy', onCopied }: Props) {
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
    setState(!onCopied || (await onCopied()) ? 'copied' : 'unrecorded');
  };
  return (
    <button type="button" className="copy-button" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy by hand' : state === 'unrecorded' ? 'Copied, not recorded' : label}
    </button>
  );
}
