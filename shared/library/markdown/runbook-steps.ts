import { codeBlocks, topLevelListItems } from './markdown-blocks';
import type { Runbook, RunbookStep } from '../../model';

/** A step's Markdown, read from the runbook's body by its line range (a list item without its marker). */
export function stepMarkdown(runbook: Pick<Runbook, 'body'>, step: RunbookStep): string {
  const text = runbook.body.split(/\r?\n/).slice(step.fromLine, step.toLine).join('\n');
  return step.listItem ? (topLevelListItems(text)[0]?.markdown ?? text.trim()) : text.trim();
}

/** The commands of a step: its fenced code blocks, in order. */
export function stepCommands(runbook: Pick<Runbook, 'body'>, step: RunbookStep): string[] {
  return codeBlocks(stepMarkdown(runbook, step));
}
