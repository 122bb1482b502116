/** The traffic model's frame as its views read it, and what its parts share per widget. */
import type { TrafficView } from '../../sim/models/traffic/view';
import type { ViewProps } from '../types';

export type { TrafficView };
export type { InstanceView } from '../../sim/models/traffic/view';

/** The instance the toolbar's crash, restart, pause and slow act on. */
export interface TrafficUi {
  target: number;
}
export type TrafficProps = ViewProps<TrafficView, TrafficUi>;
