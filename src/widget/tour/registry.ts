/**
 * Tours by widget id: a lesson's `:::tour{widget=x}` block registers its steps here and the
 * widget with that id runs them. The two may mount in either order.
 */
import type { ReactNode } from 'react';
import type { TourStep } from './steps';

export type Caption = ReactNode;
export type TourSteps = readonly TourStep<Caption>[];

const tours = new Map<string, TourSteps>();
const listeners = new Set<() => void>();

export function registerTour(widgetId: string, steps: TourSteps): () => void {
  tours.set(widgetId, steps);
  for (const l of [...listeners]) l();
  return () => {
    if (tours.get(widgetId) === steps) tours.delete(widgetId);
    for (const l of [...listeners]) l();
  };
}

export const tourFor = (widgetId: string): TourSteps | undefined => tours.get(widgetId);

export function subscribeTours(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
