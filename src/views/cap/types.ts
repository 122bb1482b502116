/** The CAP frame as the views read it: the model's own view types. */
export type { CapView } from '../../sim/models/cap/view';
export type { HistoryEntry } from '../../sim/models/cap/history';
export type { ReadValue } from '../../sim/models/cap/linearizability';
export type { Witness } from '../../sim/models/cap/monitor';
export type { Ver } from '../../sim/models/cap/types';
