/** The token ring's frame as its views read it, and what its parts share per widget. */
import type { TokenringView } from '../../sim/models/tokenring/types';
import type { PartitionDraft } from '../network/draft';
import type { ViewProps } from '../types';

export type { TokenringView };
export type { NodeView } from '../../sim/models/tokenring/types';

/** The partition being drawn, and the node the toolbar's Crash and Restart act on (-1: none). */
export type TokenringUi = PartitionDraft & { target: number };
export type TokenringProps = ViewProps<TokenringView, TokenringUi>;
