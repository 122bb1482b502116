/**
 * What a `<ds-playground>` (or the iframe page) renders: the attribute errors, a placeholder
 * until a lazy widget is scrolled near, or the one widget.
 */
import { lazy, Suspense } from 'react';
import type { LogEvent, Scenario } from '../sim/core/types';
import { ErrorList } from '../ui/ErrorList';
import { modelInfo } from '../widget/models';
import type { TourSteps } from '../widget/tour/registry';
import type { WidgetStatus } from '../widget/Widget';
import type { WorkerPool } from '../worker/workerPool';
import type { EmbedOptions } from './options';

export interface EmbedWidgetProps {
  id: string;
  /** Errors naming the attribute (`param-nodes: 500 is above the maximum 64`). */
  errors: readonly string[];
  /** Null while the model's description is loading. */
  scenario: Scenario | null;
  options: EmbedOptions;
  /** False until a lazy widget comes near the viewport. */
  started: boolean;
  pool?: WorkerPool;
  onStatus(status: WidgetStatus, errors: readonly string[]): void;
  onEvent(e: LogEvent): void;
  /** The `tour` attribute's guided steps. */
  tour?: TourSteps;
  /** Opens this run in the full app; absent where there is no app to open. */
  onShare?: (s: Scenario, t: number) => void;
}

// The widget's runtime (playback statechart, worker client, the widget itself) is a chunk of its
// own: a page whose widgets are all below the fold downloads only the element up front. The
// element starts fetching it with the first model's description, so a widget waits no longer.
const loadWidget = () => import('../widget/Widget');
const Widget = lazy(() => loadWidget().then((m) => ({ default: m.Widget })));
/** Starts fetching the widget's code (once; later calls reuse the same request). */
export const preloadWidget = (): void => void loadWidget();

function Placeholder({ text }: { text: string }) {
  // Its height is reserved by the element (estimate.ts), which this fills.
  return <div className="dsp-placeholder">{text}</div>;
}

export function EmbedWidget(p: EmbedWidgetProps) {
  if (p.errors.length) {
    return (
      <div className="widget widget-error">
        <ErrorList
          title="This DS Playground widget has a bad attribute, so nothing was run:"
          errors={p.errors}
        />
      </div>
    );
  }
  if (!p.scenario || !p.started) {
    const info = p.scenario ? modelInfo(p.scenario.model) : undefined;
    return (
      <Placeholder
        text={
          p.scenario
            ? `${info?.title ?? p.scenario.model}: the simulation starts when you scroll to it.`
            : 'Loading the simulation…'
        }
      />
    );
  }
  return (
    <Suspense fallback={<Placeholder text="Loading the simulation…" />}>
      <Widget
        // A new scenario is a new run: remount, new host.
        key={JSON.stringify(p.scenario)}
        id={p.id}
        scenario={p.scenario}
        controls={p.options.controls}
        height={p.options.height}
        {...(p.options.label ? { label: p.options.label } : {})}
        autoplay={false}
        onEvent={p.onEvent}
        onStatus={p.onStatus}
        {...(p.pool ? { pool: p.pool } : {})}
        {...(p.tour ? { tour: p.tour } : {})}
        {...(p.onShare ? { onShare: p.onShare, shareLabel: 'Open in DS Playground' } : {})}
      />
    </Suspense>
  );
}
