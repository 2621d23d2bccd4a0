// `# 1. Create backup`, `-- 2) Drop the table`, `// Step 3: Restart`: the numbered comments that
// cut a block of commands into steps. A comment without a number (`# Backup`) is a remark, not a
// step: a block of those is a list of commands to choose from, not a procedure.

const MARKERS = ['#', '//', '--'];

/** The step title of a numbered comment line, or undefined when the line is not one. A linear scan. */
export function numberedComment(line: string): string | undefined {
  let at = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
  const marker = MARKERS.find((candidate) => line.startsWith(candidate, at));
  if (!marker || line.startsWith('#!', at)) return undefined;
  at += marker.length;
  while (line[at] === ' ' || line[at] === '\t') at++;
  if (line.slice(at, at + 4).toLowerCase() === 'step') {
    at += 4;
    while (line[at] === ' ') at++;
  }
  const digitsFrom = at;
  while (at < line.length && at - digitsFrom < 4 && line[at] >= '0' && line[at] <= '9') at++;
  if (at === digitsFrom || at - digitsFrom > 3) return undefined;
  if (line[at] !== '.' && line[at] !== ')' && line[at] !== ':') return undefined;
  at++;
  if (line[at] !== ' ' && line[at] !== '\t') return undefined;
  const title = line.slice(at).trim();
  return title ? title : undefined;
}
