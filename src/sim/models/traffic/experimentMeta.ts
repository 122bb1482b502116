/** The traffic experiments' metas (filled in with the experiments). */
import type { ExperimentMeta } from '../../core/types';

export const trafficExperimentMetas: ExperimentMeta[] = [];
