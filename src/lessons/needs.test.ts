import { describe, expect, it, vi } from 'vitest';
import { encodeScenario } from '../widget/share';
import { lessonNeeds } from './needs';
import type { LessonNode } from './tree';

// Reading attributes imports the page's catalog (a Vite virtual module); none of it is used here.
vi.mock('virtual:catalog', () => ({ MODELS: [], EXPERIMENTS: [] }));

describe('lessonNeeds', () => {
  it("names the lesson's model, directives' models, shared scenarios' and experiments", () => {
    const s = encodeScenario({ model: 'cap', params: {}, seed: 1, inputs: [] });
    const tree: LessonNode[] = [
      ['p', null, 'text', ['ds-action', { 'data-model': 'stampede', 'data-action': 'x' }, 'go']],
      ['ds-widget', { 'data-id': 'w', 'data-scenario': s }],
      ['div', null, ['ds-experiment', { dataId: 'hashring-balance' }]],
      ['ds-widget', { 'data-s': 'not base64 json' }],
      ['section', { className: 'x', 'data-model': 'ignored' }],
    ];
    expect(lessonNeeds(tree, 'raft')).toEqual({
      models: ['raft', 'stampede', 'cap'],
      experiments: ['hashring-balance'],
    });
    expect(lessonNeeds(['just text'])).toEqual({ models: [], experiments: [] });
  });
});
