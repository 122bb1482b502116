/** The history checker's worker: one check at a time; cancelling a check ends the worker. */
import * as Comlink from 'comlink';
import { checkHistoryText, type CheckWorkerApi } from './checkApi';

const api: CheckWorkerApi = {
  check: (text, format, onProgress) =>
    checkHistoryText(text, format, onProgress, () => performance.now()),
};
Comlink.expose(api);
