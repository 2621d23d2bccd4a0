// A runbook's parameters filled from an alert's labels: a parameter takes the label it names
// (`from_label: namespace`), else the label of its own name, matched as written, then ignoring
// case and `-`/`_` (`$NAMESPACE`, `<namespace>`, `pod-name` for `pod_name`). Each value says how
// it may go into a command: plain, quoted for the shell, or refused and why.
import type { Alert } from './alert';
import { exporterNamed } from './exporter-labels';
import { isPlainShellWord, shellQuote, unpastableReason } from './shell-quote';
import type { RunParam } from '../library/run-params';

/** Longer is refused: no Kubernetes name or host reaches it, and a page of text is not a parameter. */
export const MAX_PARAM_VALUE_CHARS = 512;

interface FromLabel {
  /** The parameter's name. */
  name: string;
  /** The alert label the value came from, as the alert writes it. */
  label: string;
  /** The label's value, as the alert gave it. */
  value: string;
}

export type AlertParamValue =
  | (FromLabel & { safety: 'plain' })
  /** `quoted`: the value as one single-quoted shell word, what goes into the command. */
  | (FromLabel & { safety: 'quoted'; quoted: string })
  /** `reason`: why it is not filled, in words. */
  | (FromLabel & { safety: 'refused'; reason: string });

/** One entry per parameter an alert label fills, in the parameters' order; labels with empty values fill nothing. */
export function paramValuesFromAlert(params: readonly RunParam[], alert: Alert): AlertParamValue[] {
  const labels = Object.entries(alert.labels).filter(([, value]) => value !== '');
  const loose = new Map<string, string>();
  for (const [label] of labels) if (!loose.has(looseName(label))) loose.set(looseName(label), label);
  const exact = new Set(labels.map(([label]) => label));
  const find = (wanted: string) => (exact.has(wanted) ? wanted : loose.get(looseName(wanted)));
  return params.flatMap((param): AlertParamValue[] => {
    const label = (param.fromLabel !== undefined ? find(param.fromLabel) : undefined) ?? find(param.name);
    return label === undefined ? [] : [judged(param.name, label, alert.labels[label])];
  });
}

function judged(name: string, label: string, value: string): AlertParamValue {
  if (exporterNamed(label, value)) {
    return { name, label, value, safety: 'refused', reason: `The label ${label} is not filled in: ${value} is the exporter that reported the alert, not what it is about.` };
  }
  const unpastable = unpastableReason(value);
  if (unpastable) return { name, label, value, safety: 'refused', reason: `The label ${label} is not filled in: ${unpastable}.` };
  if (value.length > MAX_PARAM_VALUE_CHARS) {
    return { name, label, value, safety: 'refused', reason: `The label ${label} is not filled in: it is longer than ${MAX_PARAM_VALUE_CHARS} characters.` };
  }
  return isPlainShellWord(value) ? { name, label, value, safety: 'plain' } : { name, label, value, safety: 'quoted', quoted: shellQuote(value) };
}

/** Names compared without case, `-` and `_` alike. */
const looseName = (name: string) => name.toLowerCase().replaceAll('-', '_');
