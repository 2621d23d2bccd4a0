import { appDatabase } from '../../app/services/app-services';
import { readResponderName, writeResponderName } from './incident-record';

export const loadResponderName = () => readResponderName(appDatabase());
export const saveResponderName = (name: string) => writeResponderName(appDatabase(), name);
