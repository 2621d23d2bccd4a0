// The values an alert gives a runbook's parameters: a label value goes into a command only as it
// is when it is plain, quoted for the shell once the responder accepts it, and never when it holds
// a line break or a control character.
import { paramValuesFromAlert, type AlertParamValue } from '../../../shared/alerts/param-values';
import type { RunParam } from '../../../shared/library/run-params';
import type { OpenedAlert } from './alert-store';

export interface AlertValues {
  /** What fills the parameters: plain values, and quoted ones the responder accepted. */
  filled: Record<string, string>;
  /** Every parameter a label spoke to, as shown beside the runbook. */
  offered: AlertParamValue[];
}

export function alertValues(params: readonly RunParam[], opened: OpenedAlert): AlertValues {
  const offered = paramValuesFromAlert(params, opened.alert);
  const filled: Record<string, string> = Object.create(null) as Record<string, string>; // a parameter may be named __proto__
  for (const value of offered) {
    if (value.safety === 'plain') filled[value.name] = value.value;
    else if (value.safety === 'quoted' && opened.acceptedQuoted.includes(value.name)) filled[value.name] = value.quoted;
  }
  return { filled, offered };
}
