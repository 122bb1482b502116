import { IDLE_DRAFT } from '../network/draft';
import networkCss from '../network/network.css?inline';
import type { ModelViews } from '../types';
import { ReplicationActions } from './Actions';
import { ReplicationMain } from './ReplicationMain';
import css from './replication.css?inline';
import { ReplicationSide } from './Side';
import type { ReplicationUi, ReplicationView } from './types';

export const replicationViews: ModelViews<ReplicationView, ReplicationUi> = {
  Main: ReplicationMain,
  Side: ReplicationSide,
  Actions: ReplicationActions,
  ui: { ...IDLE_DRAFT, target: -1 },
  css: networkCss + css,
};
