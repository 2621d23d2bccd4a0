// How a runbook opened from an alert shows its commands, and what a run of it starts with.
import { useMemo } from 'react';
import type { RunParam } from '../../../shared/library/run-params';
import type { CommandFilling } from '../../ui/markdown/FilledCommand';
import { alertValues, filledValues, type AlertFilled } from './alert-filling';
import { useAlertStore } from './alert-store';

/** What the alert the runbook was opened from gives its parameters now, or nothing: for a run starting. */
export function alertValuesNow(runbookId: string, params: readonly RunParam[]): AlertFilled | undefined {
  const { opened } = useAlertStore.getState();
  return opened?.runbookId === runbookId ? alertValues(params, opened).filled : undefined;
}

/**
 * The page's commands filled with the alert's values, the rest as written (a copy names those it
 * still holds). A copy from the page is not part of any run, so nothing is recorded.
 */
export function useAlertFilling(runbookId: string, params: readonly RunParam[]): CommandFilling | undefined {
  const opened = useAlertStore((state) => (state.opened?.runbookId === runbookId ? state.opened : undefined));
  return useMemo(() => {
    if (!opened) return undefined;
    const values = filledValues(alertValues(params, opened).filled);
    if (!Object.keys(values).length) return undefined;
    const has = (param: RunParam) => Object.hasOwn(values, param.name);
    return { params: params.filter(has), values, onCopied: () => Promise.resolve(true), unfilled: params.filter((param) => !has(param)) };
  }, [opened, params]);
}
