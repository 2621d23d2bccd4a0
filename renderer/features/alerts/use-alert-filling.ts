// How a runbook opened from an alert shows its commands, and what a run of it starts with.
import { useMemo } from 'react';
import type { RunParam } from '../../../shared/library/run-params';
import type { CommandFilling } from '../../ui/markdown/FilledCommand';
import { alertValues } from './alert-filling';
import { useAlertStore } from './alert-store';

/** The values the alert the runbook was opened from gives its parameters now, or none: for a run starting. */
export function alertValuesNow(runbookId: string, params: readonly RunParam[]): Record<string, string> | undefined {
  const { opened } = useAlertStore.getState();
  return opened?.runbookId === runbookId ? alertValues(params, opened).filled : undefined;
}

/** The values the alert the runbook was opened from gives its parameters, or none. */
export function useAlertValuesFor(runbookId: string, params: readonly RunParam[]): Record<string, string> | undefined {
  const opened = useAlertStore((state) => (state.opened?.runbookId === runbookId ? state.opened : undefined));
  return useMemo(() => (opened ? alertValues(params, opened).filled : undefined), [opened, params]);
}

/**
 * The page's commands filled with those values, the rest as written. A copy from the page is not
 * part of any run, so nothing is recorded.
 */
export function useAlertFilling(runbookId: string, params: readonly RunParam[]): CommandFilling | undefined {
  const filled = useAlertValuesFor(runbookId, params);
  return useMemo(() => {
    if (!filled || !Object.keys(filled).length) return undefined;
    const has = (param: RunParam) => Object.prototype.hasOwnProperty.call(filled, param.name);
    return { params: params.filter(has), values: filled, onCopied: () => Promise.resolve(true), unfilled: params.filter((param) => !has(param)) };
  }, [filled, params]);
}
