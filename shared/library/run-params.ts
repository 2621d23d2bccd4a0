// Parameters a runbook declares in its front matter (`params`), and the placeholders its commands
// hold without declaring them (`<commit-hash>`, `${NAMESPACE}`, `YOUR_TOKEN`: see
// document/command-placeholders.ts), asked once when a run starts and filled into every command of
// the run. `{{name}}` is replaced for declared names only: `{{.Status}}` in a Go template, or
// `{{ .Values.image }}` in a Helm command, is not a parameter and stays as written.
import { assignedNames, commandPlaceholders, labelFromName, looksSecret } from './document/command-placeholders';
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
  /** A placeholder found in the commands, not declared: how it is written there (`<commit-hash>`). */
  written?: string;
  /** The alert label it is filled from (`from_label: namespace`), when not the label of its own name. */
  fromLabel?: string;
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
  if (!entries.length) return { params: [], problems: ['params: expected a list of { name, label, default, options, required, example, secret, from_label }'] };
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
      fromLabel: text(fields.from_label)?.trim() || undefined,
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

export type CommandPiece =
  | { kind: 'text'; text: string }
  /** `written`: the placeholder as the command has it, when it is not `{{name}}`; an empty value that may stay empty leaves it as written. */
  | { kind: 'param'; name: string; value: string; missing: boolean; secret: boolean; written?: string };

/** A command cut into its text and its placeholders of the runbook's parameters, each with its value. */
export function fillCommand(command: string, params: readonly RunParam[], values: NamedValues): CommandPiece[] {
  const byName = new Map(params.map((param) => [param.name, param]));
  const piece = (param: RunParam, written?: string): CommandPiece => {
    const value = ownValue(values, param.name) ?? '';
    return { kind: 'param', name: param.name, value, missing: param.required && !value.trim(), secret: param.secret, written };
  };
  // Declared `{{name}}` only (the params written from front matter); then the other forms in what is left.
  const declared = (name: string) => {
    const param = byName.get(name);
    return param && !param.written ? param : undefined;
  };
  return cutAtPlaceholders(command, declared).flatMap((cut): CommandPiece[] => {
    if ('item' in cut) return [piece(cut.item)];
    const pieces: CommandPiece[] = [];
    let textStart = 0;
    for (const found of commandPlaceholders(cut.text)) {
      const param = byName.get(found.name);
      if (!param) continue;
      if (found.from > textStart) pieces.push({ kind: 'text', text: cut.text.slice(textStart, found.from) });
      pieces.push(piece(param, cut.text.slice(found.from, found.to)));
      textStart = found.to;
    }
    if (textStart < cut.text.length) pieces.push({ kind: 'text', text: cut.text.slice(textStart) });
    return pieces;
  });
}

/** The parameters a command still needs before it may be copied. */
export function missingParams(pieces: readonly CommandPiece[]): string[] {
  return [...new Set(pieces.flatMap((piece) => (piece.kind === 'param' && piece.missing ? [piece.name] : [])))];
}

/** What a placeholder becomes: its value, or (left empty) what was written, so `$DATABASE_URL` stays for the shell. */
const filled = (piece: Extract<CommandPiece, { kind: 'param' }>, value: string) => (piece.value ? value : (piece.written ?? ''));

/** What is copied: every value filled in, secrets too. */
export function commandText(pieces: readonly CommandPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : filled(piece, piece.value))).join('');
}

/** What is recorded: the same, with each secret masked. */
export function recordedCommand(pieces: readonly CommandPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : filled(piece, piece.secret ? MASKED : piece.value))).join('');
}

/** The values a run starts with: an earlier run's value of the same name, else the default. */
export function initialValues(params: readonly RunParam[], earlier: NamedValues): Record<string, string> {
  return namedValues(params.map((param) => [param.name, (!param.secret ? ownValue(earlier, param.name) : undefined) ?? param.default ?? '']));
}

/**
 * A runbook's parameters: the declared ones (they stay in its front matter, `extra.params`), then
 * each placeholder of its commands nobody declared, labelled from its name. `<x>` and `YOUR_X` are
 * required (copying `<commit-hash>` as written is never meant); `$X` and `${X}` may stay empty, and
 * then stay as written for the shell. A `$X` the commands set themselves (`X=…`) is the script's own.
 */
export function runbookParams(runbook: { extra: Record<string, unknown>; commands?: readonly string[] }): RunParam[] {
  const params = readParams(runbook.extra.params).params;
  const commands = runbook.commands ?? [];
  const known = new Set(params.map((param) => param.name));
  const assigned = assignedNames(commands);
  for (const command of commands) {
    for (const found of commandPlaceholders(command)) {
      if (known.has(found.name) || params.length >= MAX_PARAMS) continue;
      const shell = found.form === 'dollar' || found.form === 'brace';
      if ((shell && assigned.has(found.name)) || !PLACEHOLDER_NAME.test(found.name)) continue;
      known.add(found.name);
      params.push({ name: found.name, label: labelFromName(found.name), required: !shell, secret: looksSecret(found.name), written: command.slice(found.from, found.to) });
    }
  }
  return params;
}
