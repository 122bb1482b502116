/**
 * The models and experiments a lesson's directives name, so their descriptions load with the
 * lesson's text and every directive renders with them at hand (no "unknown model" meanwhile).
 */
import { decodeScenario } from '../widget/share';
import { attrsOf } from './directives';
import type { LessonNode } from './tree';

export interface LessonNeeds {
  models: string[];
  experiments: string[];
}

export function lessonNeeds(tree: readonly LessonNode[], lessonModel?: string): LessonNeeds {
  const models = new Set<string>(lessonModel ? [lessonModel] : []);
  const experiments = new Set<string>();
  const visit = (nodes: readonly LessonNode[]): void => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      const [tag, props, ...children] = n;
      if (tag.startsWith('ds-') && props) {
        const a = attrsOf(props);
        if (a.model) models.add(a.model);
        if (tag === 'ds-experiment' && a.id) experiments.add(a.id);
        const encoded = a.scenario ?? a.s;
        const d = encoded !== undefined ? decodeScenario(encoded) : undefined;
        const inner = d?.ok ? (d.value as { model?: unknown } | null)?.model : undefined;
        if (typeof inner === 'string') models.add(inner);
      }
      visit(children);
    }
  };
  visit(tree);
  return { models: [...models], experiments: [...experiments] };
}
