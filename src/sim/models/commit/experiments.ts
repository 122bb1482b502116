/** The commit model's experiments; commit-blocking is in blocking.ts. */
import type { AnyExperimentDef } from '../../core/types';
import { blockingExperiment } from './blocking';

export const commitExperiments: AnyExperimentDef[] = [blockingExperiment];
