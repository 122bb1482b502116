/** Renders a compiled lesson (a hast tree) to React, mapping directives to components. */
import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { ActionDirective } from './components/ActionDirective';
import { ExperimentDirective } from './components/ExperimentDirective';
import { BadDirective, NoteDirective } from './components/misc';
import { PredictDirective, Reveal } from './components/PredictDirective';
import { WidgetDirective } from './components/WidgetDirective';

const components = {
  'ds-widget': WidgetDirective,
  'ds-action': ActionDirective,
  'ds-predict': PredictDirective,
  'ds-reveal': Reveal,
  'ds-note': NoteDirective,
  'ds-experiment': ExperimentDirective,
  'ds-bad-directive': BadDirective,
} as unknown as Partial<Components>;

export function LessonBody({ hast }: { hast: Root }) {
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true });
}
