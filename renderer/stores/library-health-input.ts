import type { HealthInput } from '../../shared/library-health';
import { appDatabase } from '../app-services';
import { readLibraryForHealthChecks } from '../db/library-reads';

/** The whole library as the health checks need it (runbooks with their commands, notes, problems). */
export const readLibraryForHealth = (): Promise<HealthInput> => readLibraryForHealthChecks(appDatabase());
