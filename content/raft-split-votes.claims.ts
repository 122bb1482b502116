/** Checks for raft-split-votes.md: the #split widget's first term and the lesson's experiment. */
import { claim, defineClaims, firstLog, fixed } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { ElectionResult } from '../src/sim/models/raft/meta';

type Swept = { value: unknown; result: unknown }[];
const sweep = (ctx: ClaimContext) => ctx.lessonExperiment('raft-election');
const at = (runs: Swept, max: number) => runs.find((r) => r.value === max)!.result as ElectionResult;
const means = async (ctx: ClaimContext) =>
  (await sweep(ctx)).map((r) => [r.value as number, (r.result as ElectionResult).downtimeMs.mean] as const);
const best = async (ctx: ClaimContext) => {
  const m = await means(ctx);
  return [...m].sort((a, b) => a[1] - b[1]);
};

export default defineClaims({
  'q-split': claim({
    says: 'the first term ends in a split vote',
    measure: async (ctx) => firstLog((await ctx.run('split', [], 1000)).log, /Split vote|won term/)?.text ?? '',
    holds: (t) => t === 'Split vote in term 1: nobody won',
    show: String,
  }),
  'q-range': claim({
    says: '150-200 ms has the lowest mean time without a leader',
    measure: async (ctx) => (await best(ctx))[0]![0],
    holds: (max) => max === 200,
  }),
  'lowest-means': claim({
    says: '150-175 and 150-200 have the two lowest means',
    measure: async (ctx) => (await best(ctx)).slice(0, 2).map(([max]) => max).sort(),
    holds: (v) => v.join() === '175,200',
  }),
  'cap-150': claim({
    says: 'without randomness most trials hit the 10 s cap',
    measure: async (ctx) => at(await sweep(ctx), 150).capped,
    holds: (n) => n > 500,
    show: (n) => `${fixed(0)(n)} of 1,000`,
  }),
  'cap-151': claim({
    says: 'one millisecond of spread avoids the cap in almost every trial',
    measure: async (ctx) => 1000 - at(await sweep(ctx), 151).capped,
    holds: (n) => n > 950,
    show: (n) => `${fixed(0)(n)} of 1,000`,
  }),
  'median-151': claim({
    says: 'with 150-151 elections still take about a second',
    measure: async (ctx) => at(await sweep(ctx), 151).downtimeMs.median,
    holds: (ms) => ms > 700 && ms < 1500,
    show: (ms) => `${fixed(0)(ms)} ms`,
  }),
  'all-155': claim({
    says: '150-155 elects a leader in every trial',
    measure: async (ctx) => at(await sweep(ctx), 155).capped,
    holds: (n) => n === 0,
  }),
  'median-155': claim({
    says: '150-155 has a median near the paper’s 287 ms',
    measure: async (ctx) => at(await sweep(ctx), 155).downtimeMs.median,
    holds: (ms) => ms > 220 && ms < 350,
    show: (ms) => `${fixed(0)(ms)} ms`,
  }),
  'fewest-splits': claim({
    says: '150-300 has the fewest split votes',
    measure: async (ctx) => {
      const runs = await sweep(ctx);
      const fewest = [...runs].sort(
        (a, b) => (a.result as ElectionResult).splitVotes - (b.result as ElectionResult).splitVotes,
      )[0]!;
      return fewest.value as number;
    },
    holds: (max) => max === 300,
  }),
});
