/** The traffic experiments (see experimentMeta.ts). */
import type { AnyExperimentDef } from '../../core/types';

export const trafficExperiments: AnyExperimentDef[] = [];
