/** The hashring frame as the views read it: the model's own view types. */
import type { HashringView } from '../../sim/models/hashring/view';
import type { ViewProps } from '../types';

export type { HashringView };

export interface RingHeavy {
  positions: Uint32Array;
  owners: Uint16Array;
}

export interface KeysHeavy {
  hashes: Uint32Array;
  owners: Uint16Array;
  /** May be shorter than `owners` after keys were added. */
  previousOwners: Uint16Array | null;
  /** Indices of keys whose owner changed in the last change (empty before any). */
  moved: Uint32Array;
}

/** The large fields the model sends by key. */
export interface HashringHeavy {
  ring: RingHeavy;
  keys: KeysHeavy;
}

/** UI state a page may set: the key whose walk the ring shows (a practice answer). */
export interface HashringUi {
  findKey: number | null;
}

export type HashringProps = ViewProps<HashringView, HashringUi, HashringHeavy>;
