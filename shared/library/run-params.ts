// Parameters a runbook declares in its front matter (`params`), asked once when a run starts and
// filled into every command of the run. Only declared names are replaced: `{{.Status}}` in a Go
// template, or `{{ .Values.image }}` in a Helm command, is not a parameter and stays as written.
import { cutAtPlaceholders, namedValues, ownValue, PLACEHOLDER_NAME, type NamedValues } from './placeholders';

export interface RunParam {
  name: string;
  label: string;
  default?: string;
  options?: string[];
  required: boolean;
  example?: string;
  /** A password or token: used in what is copied, never stored in the record, the journal or an export. */
  secret: boolean;
}

/** What a secret value shows as wherever it is recorded. */
export const MASKED = '••••••';
const MAX_PARAMS = 50;

export interface ParamsRead {
  params: RunParam[];
  /** Why a declared parameter was left out, in words a runbook author can act on. */
  problems: string[];
}

/** Reads `params` from front matter: a list of `{ name, label, … }`, or a map from name to its fields. */
export function readParams(declared: unknown): ParamsRead {
  if (declared === undefined || declared === null) return { params: [], problems: [] };
  const entries: [string | undefined, unknown][] = Array.isArray(declared)
    ? declared.map((item) => [undefined, item])
    : typeof declared === 'object'
      ? Object.entries(declared as Record<string, unknown>)
      : [];
  if (!entries.length) return { params: [], problems: ['params: expected a list of { name, label, default, options, required, example, secret }'] };
  const params: RunParam[] = [];
  const problems: string[] = [];
  for (const [key, value] of entries.slice(0, MAX_PARAMS)) {
    const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const name = key ?? text(fields.name);
    if (!name || !PLACEHOLDER_NAME.test(name)) {
      problems.push(`params: "${String(name ?? '').slice(0, 40)}" is not a parameter name (letters, digits, _ and -, starting with a letter)`);
      continue;
    }
    if (params.some((param) => param.name === name)) {
      problems.push(`params: "${name}" is declared twice; the first is used`);
      continue;
    }
    const options = Array.isArray(fields.options) ? fields.options.map(text).filter((option): option is string => option !== undefined) : undefined;
    params.push({
      name,
      label: text(fields.label) ?? name,
      default: text(fields.default),
      options: options?.length ? options : undefined,
      required: fields.required === true,
      example: text(fields.example),
      secret: fields.secret === true,
    });
  }
  if (entries.length > MAX_PARAMS) problems.push(`params: only the first ${MAX_PARAMS} parameters are used`);
  return { params, problems };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export type CommandPiece = { kind: 'text'; text: string } | { kind: 'param'; name: string; value: string; missing: boolean; secret: boolean };

/** A command cut into its text and its declared placeholders, each with its value. */
export function fillCommand(command: string, params: readonly RunParam[], values: NamedValues): CommandPiece[] {
  const declared = new Map(params.map((param) => [param.name, param]));
  return cutAtPlaceholders(command, (name) => declared.get(name)).map((cut): CommandPiece => {
    if ('text' in cut) return { kind: 'text', text: cut.text };
    const value = ownValue(values, cut.item.name) ?? '';
    return { kind: 'param', name: cut.item.name, value, missing: cut.item.required && !value.trim(), secret: cut.item.secret };
  });
}

/** The parameters a command still needs before it may be copied. */
export function missingParams(pieces: readonly CommandPiece[]): string[] {
  return [...new Set(pieces.flatMap((piece) => (piece.kind === 'param' && piece.missing ? [piece.name] : [])))];
}

/** What is copied: every value filled in, secrets too. */
export function commandText(pieces: readonly CommandPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.value)).join('');
}

/** What is recorded: the same, with each secret masked. */
export function recordedCommand(pieces: readonly CommandPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.secret && piece.value ? MASKED : piece.value)).join('');
}

/** The values a run starts with: an earlier run's value of the same name, else the default. */
export function initialValues(params: readonly RunParam[], earlier: NamedValues): Record<string, string> {
  return namedValues(params.map((param) => [param.name, (!param.secret ? ownValue(earlier, param.name) : undefined) ?? param.default ?? '']));
}

/** A runbook's parameters. They stay in its front matter (`extra.params`), read when a run starts. */
export function runbookParams(runbook: { extra: Record<string, unknown> }): RunParam[] {
  return readParams(runbook.extra.params).params;
}
