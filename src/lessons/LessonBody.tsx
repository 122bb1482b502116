/** Renders a compiled lesson tree to React, mapping directive elements to components. */
import { createElement, type ComponentType, type ReactNode } from 'react';
import { ActionDirective } from './components/ActionDirective';
import { ExperimentDirective } from './components/ExperimentDirective';
import { BadDirective, NoteDirective } from './components/misc';
import { PracticeDirective } from './components/PracticeDirective';
import { PredictDirective, Reveal } from './components/PredictDirective';
import { StepDirective, TourDirective } from './components/TourDirective';
import { WidgetDirective } from './components/WidgetDirective';
import type { LessonNode } from './tree';

const COMPONENTS: Record<string, ComponentType<Record<string, unknown>>> = {
  'ds-widget': WidgetDirective,
  'ds-action': ActionDirective,
  'ds-predict': PredictDirective,
  'ds-reveal': Reveal,
  'ds-note': NoteDirective,
  'ds-experiment': ExperimentDirective,
  'ds-bad-directive': BadDirective,
  'ds-tour': TourDirective,
  'ds-step': StepDirective,
  'ds-practice': PracticeDirective,
};

function render(node: LessonNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const [tag, props, ...children] = node;
  const kids = children.map(render);
  return createElement(COMPONENTS[tag] ?? tag, { ...props, key }, ...(kids.length ? kids : []));
}

export function LessonBody({ tree }: { tree: readonly LessonNode[] }) {
  return <>{tree.map(render)}</>;
}
