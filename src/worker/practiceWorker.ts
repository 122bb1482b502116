/** The practice worker: generates one question at a time (see practiceApi.ts). */
import * as Comlink from 'comlink';
import { generatePractice, type PracticeWorkerApi } from './practiceApi';

const api: PracticeWorkerApi = { generate: generatePractice };
Comlink.expose(api);
