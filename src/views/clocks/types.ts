/** The clocks views' types: the model's view (from the sim) and the widget's own UI state. */
import type { ClocksView } from '../../sim/models/clocks/view';
import type { ViewProps } from '../types';

export type {
  ClockEvent,
  ClocksView,
  Comparison,
  EventKind,
  Hlc,
  Relation,
  RegisterView,
  Write,
} from '../../sim/models/clocks/view';

export interface ClocksUi {
  /** Which stamps the diagram writes beside each event. */
  show: { lamport: boolean; vector: boolean; hlc: boolean };
  /** The first event picked, waiting for the second. */
  first: number | null;
  /** The event keyboard focus is on. */
  cursor: number | null;
}

export const INITIAL_UI: ClocksUi = {
  show: { lamport: true, vector: true, hlc: false },
  first: null,
  cursor: null,
};

export type ClocksProps = ViewProps<ClocksView, ClocksUi>;
