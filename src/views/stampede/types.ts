/** The stampede frame as the views read it: the model's own view types. */
export type { HotKeyView, StampedeView } from '../../sim/models/stampede/view';
export type { SampledRequest } from '../../sim/models/stampede/state';
export type { Strategy } from '../../sim/models/stampede/meta';
