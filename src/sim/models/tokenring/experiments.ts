/** The token ring has no experiment yet: its widget and lesson are the whole topic. */
import type { AnyExperimentDef } from '../../core/types';

export const tokenringExperiments: AnyExperimentDef[] = [];
