/**
 * The guided tour inside the widget: the step's caption, Continue (focused at each stop, so
 * Enter goes on), leave the tour to play freely and come back to the same step. The caption is
 * announced by the event log's live region (the widget passes it there); without a log, here.
 */
import { useEffect, useRef } from 'react';
import type { TourApi } from './useTour';

export function TourPanel({
  api,
  label,
  announceHere,
}: {
  api: TourApi;
  label: string;
  announceHere: boolean;
}) {
  const { tour, snapshot, steps } = api;
  const { state, index, count } = snapshot;
  const step = steps[index];
  const cont = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // At each stop, keyboard users land on Continue unless they are busy outside the tour.
  useEffect(() => {
    if (state !== 'stopped') return;
    const root = panel.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    const widget = panel.current?.closest('.widget');
    if (!active || active === document.body || widget?.contains(active)) cont.current?.focus();
  }, [state, index]);

  const moving = state === 'loading' || state === 'playing';
  return (
    <div
      className="tour-panel"
      ref={panel}
      role="group"
      aria-label={`${label}: guided tour`}
      data-tour-state={state}
      data-tour-step={index + 1}
      data-stop-ms={snapshot.stopMs ?? ''}
    >
      {state === 'idle' ? (
        <>
          <p className="tour-caption">
            A guided tour in {count} steps: it plays to each moment, stops and explains it.
          </p>
          <div className="tour-buttons">
            <button type="button" className="tour-primary" onClick={() => tour.start()}>
              Start the guided tour
            </button>
          </div>
        </>
      ) : null}
      {moving || state === 'stopped' ? (
        <>
          <p className="tour-count">
            Step {index + 1} of {count}
            {moving ? ': playing to the next moment…' : ''}
          </p>
          <div
            className="tour-caption"
            {...(announceHere && { 'aria-live': 'polite' as const, 'aria-atomic': true })}
          >
            {state === 'stopped' && step ? step.caption : null}
            {state === 'stopped' && !snapshot.found ? (
              <p className="muted">(This did not happen within two minutes of simulated time.)</p>
            ) : null}
          </div>
          <div className="tour-buttons">
            <button
              type="button"
              ref={cont}
              className="tour-primary"
              aria-disabled={state !== 'stopped'}
              onClick={() => tour.continue()}
            >
              {index + 1 < count ? 'Continue' : 'Finish the tour'}
            </button>
            <button type="button" onClick={() => tour.leave()}>
              Leave the tour
            </button>
          </div>
        </>
      ) : null}
      {state === 'away' ? (
        <>
          <p className="tour-caption">
            You left the tour at step {index + 1} of {count}. Play freely, then come back to it.
          </p>
          <div className="tour-buttons">
            <button type="button" className="tour-primary" onClick={() => tour.back()}>
              Back to step {index + 1}
            </button>
            <button type="button" onClick={() => tour.start()}>
              Start over
            </button>
          </div>
        </>
      ) : null}
      {state === 'finished' || state === 'failed' ? (
        <>
          <p className="tour-caption" role={state === 'failed' ? 'alert' : undefined}>
            {state === 'finished'
              ? 'That was the whole tour. Play freely, or take it again.'
              : `The tour stopped: ${snapshot.error ?? 'unknown error'}`}
          </p>
          <div className="tour-buttons">
            <button type="button" onClick={() => tour.start()}>
              Take the tour again
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
