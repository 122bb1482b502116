import { IDLE_DRAFT } from '../network/draft';
import networkCss from '../network/network.css?inline';
import type { ModelViews } from '../types';
import { RaftActions } from './Actions';
import { RaftMain } from './RaftMain';
import { RaftSide } from './Side';
import css from './raft.css?inline';
import type { RaftUi, RaftView } from './types';

export const raftViews: ModelViews<RaftView, RaftUi> = {
  Main: RaftMain,
  Side: RaftSide,
  Actions: RaftActions,
  ui: IDLE_DRAFT,
  css: networkCss + css,
};
