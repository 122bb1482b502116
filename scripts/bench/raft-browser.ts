/**
 * Raft in the browser: frame timing and main-thread long tasks while a 9-server cluster with a
 * client workload plays at 10x (the ring, the space-time diagram, the logs and the statechart all
 * redraw as it runs).
 */
import type { Page } from '@playwright/test';
import { playBench, type PlayMeasurement } from './browser';

export const RAFT_9_AT_10X = '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=2';

export function raftPlayBench(page: Page, seconds = 6): Promise<PlayMeasurement> {
  return playBench(page, 'raft 9 servers at 10x', RAFT_9_AT_10X, { speed: '10', seconds });
}
