import { IDLE_DRAFT } from '../network/draft';
import networkCss from '../network/network.css?inline';
import type { ModelViews } from '../types';
import { TokenringActions } from './Actions';
import { TokenringMain } from './TokenringMain';
import css from './tokenring.css?inline';
import type { TokenringUi, TokenringView } from './types';

export const tokenringViews: ModelViews<TokenringView, TokenringUi> = {
  Main: TokenringMain,
  Actions: TokenringActions,
  ui: { ...IDLE_DRAFT, target: -1 },
  css: networkCss + css,
};
