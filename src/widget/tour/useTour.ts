/** Runs a widget's guided tour: the step machine, driven through the widget's handle. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { formatError } from '../../sim/core/errors';
import type { FrameStore } from '../../ui/frameStore';
import type { WidgetHandle } from '../handles';
import type { TourSteps } from './registry';
import { resolveArgs } from './steps';
import { Tour, type TourSnapshot } from './tourMachine';

const noSubscribe = () => () => {};

export interface TourApi {
  tour: Tour;
  snapshot: TourSnapshot;
  steps: TourSteps;
}

export function useTour(
  steps: TourSteps | undefined,
  handle: WidgetHandle | null,
  store: FrameStore,
  scenario: unknown,
): TourApi | null {
  const tour = useMemo(() => {
    if (!handle || !steps?.length) return null;
    return new Tour(steps, {
      load: (place) => handle.load(place.scenario, place.t),
      apply: async (step) => {
        if (!step.do) return null;
        const view = store.get().frame?.view;
        const r = await handle.input({
          action: step.do.action,
          ...resolveArgs(step.do.args, view),
        });
        return r && !r.ok ? (r.errors ?? []).map(formatError).join('; ') : null;
      },
      playUntil: (when) => handle.playUntil(when),
      pause: () => handle.pause(),
      scenario: () => handle.scenario(),
    });
  }, [handle, steps, store]);
  // A tour starts from the widget's own scenario (as the lesson gave it), whatever was played.
  useEffect(() => tour?.setBase(scenario), [tour, scenario]);
  // Every frame, in order (a load's first frame and a step's arrival must not be missed).
  useEffect(() => {
    if (!tour) return;
    return store.subscribe(() => {
      const f = store.get().frame;
      if (f) tour.frame(f);
    });
  }, [tour, store]);
  const snapshot = useSyncExternalStore(
    tour?.subscribe ?? noSubscribe,
    () => tour?.getSnapshot() ?? null,
  );
  return tour && snapshot && steps ? { tour, snapshot, steps } : null;
}
