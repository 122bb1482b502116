import type { ModelViews } from '../types';
import { RaftActions } from './Actions';
import { RaftMain } from './RaftMain';
import { RaftSide } from './Side';
import css from './raft.css?inline';

export const raftViews: ModelViews = {
  Main: RaftMain,
  Side: RaftSide,
  Actions: RaftActions,
  css,
};
