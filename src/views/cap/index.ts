import { IDLE_DRAFT } from '../network/draft';
import networkCss from '../network/network.css?inline';
import type { ModelViews } from '../types';
import { CapActions } from './Actions';
import { CapMain } from './CapMain';
import { CapSide } from './Side';
import css from './cap.css?inline';
import type { CapHeavy, CapUi, CapView } from './types';

export const capViews: ModelViews<CapView, CapUi, CapHeavy> = {
  Main: CapMain,
  Side: CapSide,
  Actions: CapActions,
  ui: { ...IDLE_DRAFT, client: 0, key: 0 },
  css: networkCss + css,
};
