/** The commit model's frame as its views read it, and what its parts share per widget. */
import type { CommitView } from '../../sim/models/commit/view';
import type { PartitionDraft } from '../network/draft';
import type { ViewProps } from '../types';

export type { CommitView };
export type { LogRecord, OutcomeView, ParticipantView, PState } from '../../sim/models/commit/view';

/** The partition being drawn, and the participant the toolbar acts on (P1 is 1). */
export type CommitUi = PartitionDraft & { target: number };
export type CommitProps = ViewProps<CommitView, CommitUi>;
