/** The stampede frame as the views read it: the model's own view types. */
import type { StampedeView } from '../../sim/models/stampede/view';
import type { NoUi, ViewProps } from '../types';

export type { StampedeView };
export type { HotKeyView } from '../../sim/models/stampede/view';
export type { SampledRequest } from '../../sim/models/stampede/state';
export type { Strategy } from '../../sim/models/stampede/meta';

export type StampedeProps = ViewProps<StampedeView, NoUi>;
