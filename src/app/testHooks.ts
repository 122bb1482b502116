/**
 * A small, documented hook for browser tests and curious users: compute a scenario's trace hash
 * in a fresh simulation worker (the same code path as the widgets), to compare with Node.
 */
import type { Parsed } from '../sim/core/errors';
import { getWidget, type WidgetHandle } from '../widget/handles';
import { fingerprintOnce } from '../worker/client';
import type { PracticeResult } from '../worker/practiceApi';
import { practiceQuestion } from '../worker/practiceClient';

declare global {
  interface Window {
    __dsp?: {
      traceHash(scenario: unknown, untilMs: number): Promise<Parsed<string> & { host: string }>;
      /** A widget on the page by id (its playback and what it shows). */
      widget(id: string): WidgetHandle | undefined;
      /** A practice question as the practice page gets it (with its key). */
      practice(model: string, seed: number): Promise<PracticeResult>;
    };
  }
}

export function installTestHooks(): void {
  window.__dsp = {
    traceHash: (scenario, untilMs) => fingerprintOnce(scenario, untilMs),
    widget: (id) => getWidget(id),
    practice: (model, seed) => practiceQuestion(model, seed),
  };
}
