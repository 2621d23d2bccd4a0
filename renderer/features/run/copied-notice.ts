import { interactiveShell, interactiveShellWords } from '../../../shared/library/document/interactive-shell';

/**
 * What the run says after C: the interactive shell's warning first, then what was copied. The line
 * is cut to the window's width, and after a long command the warning was the part cut off.
 * `which`: " 2 of 3" for a step of several commands; `recorded`: the command as the record holds it
 * (secrets masked), or undefined when the record could not be written.
 */
export function copiedNotice(command: string, which: string, recorded: string | undefined): string {
  const shell = interactiveShell(command);
  const warning = shell ? ` ${interactiveShellWords(shell)}` : '';
  if (recorded === undefined) return `Copied${which}, but not recorded.${warning}`;
  return shell ? `Copied${which}.${warning} ${recorded}` : `Copied${which}: ${recorded}`;
}
