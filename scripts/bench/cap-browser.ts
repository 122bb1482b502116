/**
 * CAP in the browser: frame timing and main-thread long tasks while the ap-partition preset plays
 * at 10x (the cluster with messages in flight, the history lanes, the verdict and the side charts
 * all follow it).
 */
import type { Page } from '@playwright/test';
import { playBench, type PlayMeasurement } from './browser';

export const CAP_AT_10X = '#/play/cap?preset=ap-partition';

export function capPlayBench(page: Page, seconds = 6): Promise<PlayMeasurement> {
  return playBench(page, 'cap ap-partition at 10x', CAP_AT_10X, { speed: '10', seconds });
}
