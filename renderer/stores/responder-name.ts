import { appDatabase } from '../app-services';
import { readResponderName, writeResponderName } from '../db/incident-record';

export const loadResponderName = () => readResponderName(appDatabase());
export const saveResponderName = (name: string) => writeResponderName(appDatabase(), name);
