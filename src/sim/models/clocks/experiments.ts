/** The clocks model has no experiments yet (the lesson works in the widget). */
import type { AnyExperimentDef } from '../../core/types';

export const clocksExperiments: AnyExperimentDef[] = [];
