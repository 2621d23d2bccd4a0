import type { Runbook, RunbookProcedure } from '../../model';
import { stepCommands } from '../markdown/runbook-steps';
import { runbookParams, type RunParam } from '../run-params';
import { isWhole, procedures } from './procedures';

type ParamSource = Pick<Runbook, 'title' | 'body' | 'steps' | 'verification' | 'extra' | 'commands'> & { procedures?: RunbookProcedure[] };

/**
 * What a run of procedure number `index` asks for: every declared parameter, and the placeholders
 * written in that procedure's own commands. A run of "Roll Back Deployment" does not ask for the
 * backup file that only "Restore from Backup" uses. A runbook that is one procedure as a whole asks
 * for the placeholders of all its commands, as it always did.
 */
export function procedureParams(runbook: ParamSource, index = 0): RunParam[] {
  const chosen = procedures(runbook)[index];
  if (isWhole(runbook.title, chosen)) return runbookParams(runbook);
  return runbookParams({ extra: runbook.extra, commands: chosen.steps.flatMap((step) => stepCommands(runbook, step)) });
}
