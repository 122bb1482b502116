/**
 * The models with generated practice, as the page lists them (no simulation code here: the
 * questions come from a worker, see src/worker/practiceApi.ts).
 */
export interface PracticeInfo {
  model: string;
  /** "Who can win the next election?" */
  title: string;
  /** The lesson whose ideas the questions practise. */
  lesson: string;
}

export const PRACTICE: readonly PracticeInfo[] = [
  { model: 'hashring', title: 'Which nodes hold this key?', lesson: 'hashring-replication' },
  { model: 'raft', title: 'Who can win the next election?', lesson: 'raft-replication' },
  { model: 'cap', title: 'Is this history linearizable?', lesson: 'cap-linearizability' },
  { model: 'stampede', title: 'How big is the herd?', lesson: 'stampede-herd' },
];

export const practiceInfo = (model: string): PracticeInfo | undefined =>
  PRACTICE.find((p) => p.model === model);
