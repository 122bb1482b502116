/** The hashring frame as the views read it: the model's own view types. */
export type { HashringView } from '../../sim/models/hashring/view';

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
