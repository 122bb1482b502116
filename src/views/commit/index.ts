import { IDLE_DRAFT } from '../network/draft';
import networkCss from '../network/network.css?inline';
import type { ModelViews } from '../types';
import { CommitActions } from './Actions';
import { CommitMain } from './CommitMain';
import css from './commit.css?inline';
import { CommitSide } from './Side';
import type { CommitUi, CommitView } from './types';

export const commitViews: ModelViews<CommitView, CommitUi> = {
  Main: CommitMain,
  Side: CommitSide,
  Actions: CommitActions,
  ui: { ...IDLE_DRAFT, target: 1 },
  css: networkCss + css,
};
