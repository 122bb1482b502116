/** The widget's panels, loaded together as one chunk once the widget starts (see Widget.tsx). */
export { ParamsPanel } from '../ui/ParamsPanel';
export { EventLog } from '../ui/EventLog';
export { MetricsPanel } from '../ui/MetricsPanel';
export { InvariantsPanel } from '../ui/InvariantsPanel';
export { ActionsBar } from './ActionsBar';
