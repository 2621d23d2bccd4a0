// The values an alert gives a runbook's parameters: a label value goes into a command only as it
// is when it is plain, quoted for the shell once the responder accepts it, and never when it holds
// a line break or a control character.
import { paramValuesFromAlert, type AlertParamValue } from '../../../shared/alerts/param-values';
import type { RunParam } from '../../../shared/library/run-params';
import type { OpenedAlert } from './alert-store';

/** Each parameter an alert fills: the value that goes into commands, and the label it came from. */
export type AlertFilled = Record<string, { value: string; label: string }>;

export interface AlertValues {
  /** What fills the parameters: plain values, and quoted ones the responder accepted. */
  filled: AlertFilled;
  /** Every parameter a label spoke to, as shown beside the runbook. */
  offered: AlertParamValue[];
}

export function alertValues(params: readonly RunParam[], opened: OpenedAlert): AlertValues {
  const offered = paramValuesFromAlert(params, opened.alert);
  const filled = Object.create(null) as AlertFilled; // a parameter may be named __proto__
  for (const value of offered) {
    if (value.safety === 'plain') filled[value.name] = { value: value.value, label: value.label };
    else if (value.safety === 'quoted' && opened.acceptedQuoted.includes(value.name)) filled[value.name] = { value: value.quoted, label: value.label };
  }
  return { filled, offered };
}

/** The values alone, as commands are filled with them. */
export function filledValues(filled: AlertFilled): Record<string, string> {
  const values = Object.create(null) as Record<string, string>;
  for (const [name, { value }] of Object.entries(filled)) values[name] = value;
  return values;
}
