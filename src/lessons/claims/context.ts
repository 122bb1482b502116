/**
 * The claim context for one lesson, in Node: widget scenarios are read from the lesson's
 * directives by the page's own attribute rules (`scenarioAttrs.ts`, with the zod metas), runs go
 * through the same Sim as the worker, and experiments through the same `run` as the CLI.
 */
import { catalog, modelIds } from '../../sim/catalog';
import { formatError, parseWith } from '../../sim/core/errors';
import { jsonSchemaOf } from '../../sim/core/info';
import { parseScenario } from '../../sim/core/scenario';
import { runScenario } from '../../sim/core/testing';
import { Sim } from '../../sim/core/sim';
import type { Scenario, ScenarioInput } from '../../sim/core/types';
import { loadExperiment, loadModel } from '../../sim/registry';
import { coerce, fieldsOf } from '../../ui/schemaFields';
import { scenarioFromAttrsWith, type AttrsCatalog } from '../../widget/scenarioAttrs';
import { ZOD_ATTRS_CATALOG } from '../../sim/attrsCatalog';
import type { ClaimContext } from './define';
import type { LessonSource } from './source';

const NODE_CATALOG: AttrsCatalog = ZOD_ATTRS_CATALOG;

/** Runs are shared by every claim of a lesson (and of all lessons in one process). */
const memo = new Map<string, Promise<unknown>>();
const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) memo.set(key, (p = f()));
  return p;
};

export function claimContext(lessonId: string, src: LessonSource, model?: string): ClaimContext {
  const scenario = (widgetId: string): Scenario => {
    const w = src.widgets.get(widgetId);
    if (!w) throw new Error(`${lessonId}: no widget #${widgetId} in the lesson`);
    const r = scenarioFromAttrsWith(NODE_CATALOG, w.attrs, model);
    if (!r.ok)
      throw new Error(`${lessonId}: widget #${widgetId}: ${r.errors.map(formatError).join('; ')}`);
    return r.value;
  };

  const experiment = (id: string, params: Record<string, unknown> = {}): Promise<unknown> =>
    once(`exp ${id} ${JSON.stringify(params)}`, async () => {
      const exp = await loadExperiment(id);
      if (!exp) throw new Error(`${lessonId}: no experiment ${id}`);
      const parsed = parseWith(exp.meta.params, params, '');
      if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map(formatError).join('; ')}`);
      return exp.run(parsed.value) as unknown;
    });

  const withInputs = (widgetId: string, inputs: readonly ScenarioInput[]): Scenario => {
    const base = scenario(widgetId);
    const checked = parseScenario(
      { ...base, inputs: [...base.inputs, ...inputs] },
      catalog,
      modelIds(),
    );
    if (!checked.ok)
      throw new Error(`${lessonId}: #${widgetId}: ${checked.errors.map(formatError).join('; ')}`);
    return checked.value;
  };

  return {
    scenario,
    async sim(widgetId, inputs) {
      const s = withInputs(widgetId, inputs);
      const m = await loadModel(s.model);
      if (!m) throw new Error(`${lessonId}: no model ${s.model}`);
      return new Sim(m, s, { checkInvariants: true });
    },
    run(widgetId, inputs, untilMs) {
      const base = scenario(widgetId);
      const s: Scenario = { ...base, inputs: [...base.inputs, ...inputs] };
      return once(`run ${JSON.stringify(s)} ${untilMs}`, async () => {
        const m = await loadModel(s.model);
        if (!m) throw new Error(`${lessonId}: no model ${s.model}`);
        const checked = parseScenario(s, catalog, modelIds());
        if (!checked.ok) throw new Error(checked.errors.map(formatError).join('; '));
        // No trace hash: claims never read it, and hashing every event costs three quarters of
        // a long run's time. Invariants are still checked after every event.
        const r = runScenario(m, checked.value, untilMs, { trace: false });
        if (r.violation)
          throw new Error(
            `${lessonId}: #${widgetId} broke ${r.violation.invariant}: ${r.violation.detail}`,
          );
        return r;
      });
    },
    experiment,
    async lessonExperiment(id, overrides = {}, only) {
      const d = src.experiments.find((e) => e.attrs.id === id);
      if (!d) throw new Error(`${lessonId}: no ::experiment{id=${id}} in the lesson`);
      const exp = await loadExperiment(id);
      if (!exp) throw new Error(`${lessonId}: no experiment ${id}`);
      const fields = fieldsOf(jsonSchemaOf(exp.meta.params));
      const field = (k: string) => fields.find((f) => f.key === k);
      const params: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.attrs))
        if (k.startsWith('param-')) params[k.slice(6)] = coerce(field(k.slice(6)), v);
      Object.assign(params, overrides);
      const sweep = d.attrs.sweep;
      if (!sweep) return [{ value: undefined, result: await experiment(id, params) }];
      const values = (d.attrs.values ?? '')
        .split(',')
        .map((v) => coerce(field(sweep), v.trim()))
        .filter((v) => !only || only.includes(v));
      return Promise.all(
        values.map(async (value) => ({
          value,
          result: await experiment(id, { ...params, [sweep]: value }),
        })),
      );
    },
  };
}
