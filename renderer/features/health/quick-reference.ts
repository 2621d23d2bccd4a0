import type { Runbook } from '../../../shared/model';
import { appDatabase } from '../../app/services/app-services';
import { readCriticalRunbooksFrom } from '../library';

/** The runbooks a quick reference carries: the critical ones. */
export const readCriticalRunbooks = (): Promise<Runbook[]> => readCriticalRunbooksFrom(appDatabase());
