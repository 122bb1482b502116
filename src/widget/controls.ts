/** The parts of a widget that can be shown or hidden (lesson `controls=`, embed `controls`). */
export type Control =
  'playback' | 'params' | 'actions' | 'log' | 'metrics' | 'invariants' | 'share';
export const ALL_CONTROLS: readonly Control[] = [
  'playback',
  'params',
  'actions',
  'log',
  'metrics',
  'invariants',
  'share',
];
