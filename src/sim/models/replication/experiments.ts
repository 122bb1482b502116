/** The replication model's experiments; replication-lost-writes is in lostWrites.ts. */
import type { AnyExperimentDef } from '../../core/types';
import { lostWritesExperiment } from './lostWrites';

export const replicationExperiments: AnyExperimentDef[] = [lostWritesExperiment];
