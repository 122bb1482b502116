/**
 * The model list: every model of the app, in the order menus show them. Everything else derives
 * from it: the catalog (`catalog.ts`, and through it the page's `virtual:catalog`), the
 * simulation registry (`registry.ts`), the views registry (`src/views/registry.ts`), the golden
 * suite (`golden.test.ts`) and the benchmarks (`scripts/bench.ts`).
 *
 * Adding a model is its line here (import its meta, list it), beside its folders
 * `src/sim/models/<id>/` (`meta.ts` exporting `<id>Meta`, `model.ts` exporting `<id>Model`,
 * `experiments.ts` exporting `<id>Experiments`, `golden.json`) and `src/views/<id>/`
 * (`index.ts` exporting `<id>Views`). Tests fail when one of those is missing.
 */
import type { ModelMeta } from './core/types';
import { capMeta } from './models/cap/meta';
import { clocksMeta } from './models/clocks/meta';
import { commitMeta } from './models/commit/meta';
import { hashringMeta } from './models/hashring/meta';
import { raftMeta } from './models/raft/meta';
import { replicationMeta } from './models/replication/meta';
import { stampedeMeta } from './models/stampede/meta';
import { tokenringMeta } from './models/tokenring/meta';
import { trafficMeta } from './models/traffic/meta';

export const MODEL_METAS: readonly ModelMeta[] = [
  hashringMeta,
  raftMeta,
  stampedeMeta,
  capMeta,
  clocksMeta,
  tokenringMeta,
  replicationMeta,
  trafficMeta,
  commitMeta,
];

/** Every model's id, in list order. */
export const MODEL_IDS: readonly string[] = MODEL_METAS.map((m) => m.id);
