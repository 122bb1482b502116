/**
 * Widgets on a page, by id, so lesson directives (action buttons, predictions) and the embed
 * element can drive them; and which widget keyboard shortcuts go to.
 */
import type { CrashHow, InputResult, Speed, StopWhen } from '../worker/protocol';
import type { Scenario } from '../sim/core/types';
import type { LearnerInput } from '../views/types';

export interface WidgetHandle {
  id: string;
  play(): void;
  pause(): void;
  toggle(): void;
  step(): void;
  /** Back to t = 0 with the same scenario. */
  reset(): void;
  seek(ms: number): void;
  /** Loads a scenario into this widget at a time, paused (a guided tour going back to a step). */
  load(scenario: unknown, atMs: number): void;
  /** Plays until a guided step's stop; the host pauses there. Returns the request's id. */
  playUntil(when: StopWhen): number;
  seekBy(deltaMs: number): void;
  speedBy(direction: 1 | -1): void;
  setSpeed(speed: Speed): void;
  fork(): void;
  share(): void;
  input(input: LearnerInput): Promise<InputResult | null>;
  scenario(): Scenario | null;
  time(): number;
  /** Ids of the messages in flight in the latest frame (tests time them on screen). */
  inFlightIds(): number[];
  /** Test hook: make the simulation worker crash. */
  crashForTest(how?: CrashHow): void;
}

const handles = new Map<string, WidgetHandle>();
const waiters = new Map<string, ((h: WidgetHandle) => void)[]>();
let active: string | null = null;

export function registerWidget(h: WidgetHandle): () => void {
  handles.set(h.id, h);
  for (const w of waiters.get(h.id) ?? []) w(h);
  waiters.delete(h.id);
  return () => {
    if (handles.get(h.id) === h) handles.delete(h.id);
    if (active === h.id) active = null;
  };
}

export const getWidget = (id: string): WidgetHandle | undefined => handles.get(id);

/** Every widget mounted on the page. */
export const allWidgets = (): WidgetHandle[] => [...handles.values()];

/** Resolves when a widget with this id is mounted. */
export function whenWidget(id: string): Promise<WidgetHandle> {
  const h = handles.get(id);
  if (h) return Promise.resolve(h);
  return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
}

export const setActiveWidget = (id: string): void => {
  active = id;
};

/** The widget keyboard shortcuts drive: the last one used, else the first on the page. */
export const activeWidget = (): WidgetHandle | undefined =>
  (active ? handles.get(active) : undefined) ?? handles.values().next().value;
