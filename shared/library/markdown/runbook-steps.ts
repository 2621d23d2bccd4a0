import { codeBlocks, inlineCommands, topLevelListItems } from './markdown-blocks';
import type { Runbook, RunbookStep } from '../../model';

/** A step's Markdown, read from the runbook's body by its line range (a list item without its marker). */
export function stepMarkdown(runbook: Pick<Runbook, 'body'>, step: RunbookStep): string {
  const lines = runbook.body.split(/\r?\n/).slice(step.fromLine, step.toLine);
  if (step.code) return commandsAsMarkdown(lines, step.code.language);
  const text = lines.join('\n');
  return step.listItem ? (topLevelListItems(text)[0]?.markdown ?? text.trim()) : text.trim();
}

/**
 * The commands of a step: its fenced code blocks, in order; without any, the commands written as
 * inline code in its line (`2. Read the API logs: \`docker logs api --tail 200\``, as teams write
 * numbered steps), so C copies what the step says to run.
 */
export function stepCommands(runbook: Pick<Runbook, 'body'>, step: RunbookStep): string[] {
  const markdown = stepMarkdown(runbook, step);
  const blocks = codeBlocks(markdown);
  return blocks.length ? blocks : inlineCommands(markdown);
}

const isComment = (line: string) => {
  const text = line.trimStart();
  return text.startsWith('#') || text.startsWith('//') || text.startsWith('-- ');
};

/**
 * The lines under a numbered comment of a code block: a code block of their own (the step's
 * commands), or, when they are only comments (`# Visit the Sentry dashboard`), their words as text.
 */
function commandsAsMarkdown(lines: string[], language: string): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  const kept = lines.slice(start, end);
  if (!kept.length) return '';
  if (kept.every((line) => line.trim() === '' || isComment(line))) {
    return kept.map((line) => line.trimStart().replace(/^(#+|\/\/|--)\s?/, '').trim()).filter(Boolean).join('\n\n');
  }
  let longest = 0;
  for (const line of kept) {
    let run = 0;
    while (line.trimStart()[run] === '`') run++;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${kept.join('\n')}\n${fence}`;
}
