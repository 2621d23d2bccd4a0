import type { HealthInput } from '../../../shared/library/library-health';
import { appDatabase } from '../../app/services/app-services';
import { readLibraryForHealthChecks } from '../library';

/** The whole library as the health checks need it (runbooks with their commands, notes, problems). */
export const readLibraryForHealth = (): Promise<HealthInput> => readLibraryForHealthChecks(appDatabase());
