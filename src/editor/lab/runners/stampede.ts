/** The stampede experiment under the xfetch strategy, with the learner's `shouldRecompute`. */
import { runStampede, summarizeRun } from '../../../sim/models/stampede/experiments';
import {
  stampedeExperimentMeta,
  stampedeExperimentParams,
} from '../../../sim/models/stampede/meta';
import type { EarlyPolicy, EarlyRead } from '../../../sim/models/stampede/state';
import { contract, parseParams, showValue, type Runner } from './types';

export const runStampedeLab: Runner = ({ fn, params, budget, exportLine, onProgress }) => {
  const shouldRecompute = fn as (ctx: EarlyRead) => unknown;
  const policy: EarlyPolicy = (read) => {
    const v = budget.call(() => shouldRecompute(read));
    if (typeof v !== 'boolean')
      throw contract(
        `shouldRecompute returned ${showValue(v)}; it must return true or false`,
        exportLine,
      );
    return v;
  };
  const { durationMs, seed, ...rest } = parseParams(stampedeExperimentParams, params);
  const s = runStampede({ ...rest, strategy: 'xfetch' }, seed, durationMs, onProgress, {}, policy);
  const result = summarizeRun(s, s.recorder!);
  return { result, rows: stampedeExperimentMeta.toRows(result) };
};
