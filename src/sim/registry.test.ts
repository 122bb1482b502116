import { describe, expect, it } from 'vitest';
import { EXPERIMENT_METAS } from './catalog';
import { MODEL_IDS, MODEL_METAS } from './modelList';
import { loadExperiment, loadModel } from './registry';

describe('the model list', () => {
  it('names each model once', () => {
    expect(new Set(MODEL_IDS).size).toBe(MODEL_IDS.length);
  });

  it.each(MODEL_IDS)('%s loads its simulation with the listed meta', async (id) => {
    const model = await loadModel(id);
    expect(model?.meta).toBe(MODEL_METAS.find((m) => m.id === id));
  });

  it.each(EXPERIMENT_METAS.map((e) => e.id))('experiment %s loads', async (id) => {
    expect((await loadExperiment(id))?.meta.id).toBe(id);
  });

  it('knows nothing outside the list, prototype names included', async () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString'])
      expect(await loadModel(id)).toBeUndefined();
    expect(await loadExperiment('constructor')).toBeUndefined();
  });
});
