/** Renders a compiled lesson tree to React, mapping directive elements to components. */
import {
  createElement,
  useEffect,
  useMemo,
  useRef,
  type ComponentType,
  type ReactNode,
} from 'react';
import { getWidget } from '../widget/handles';
import { ActionDirective } from './components/ActionDirective';
import { ExperimentDirective } from './components/ExperimentDirective';
import { BadDirective, NoteDirective } from './components/misc';
import { PracticeDirective } from './components/PracticeDirective';
import { PredictDirective, Reveal } from './components/PredictDirective';
import { StepDirective, TourDirective } from './components/TourDirective';
import { WidgetDirective } from './components/WidgetDirective';
import { sectionsOf } from './sections';
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

/**
 * The lesson in sections, one per widget. The section crossing the reading line (a band at
 * about 40% of the screen's height) is the active one; reaching another pauses the widgets of
 * the others (their runs kept). An IntersectionObserver decides: nothing runs on scroll.
 */
export function LessonBody({ tree }: { tree: readonly LessonNode[] }) {
  const sections = useMemo(() => sectionsOf(tree), [tree]);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  // Which section is active lives in the DOM (`data-active`), not in React state: re-rendering
  // the lesson would hand every widget a new scenario object, and a new scenario restarts a run.
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined' || sections.length < 2) return;
    const activate = (i: number) => {
      sections.forEach((s, k) => {
        refs.current[k]?.setAttribute('data-active', String(k === i));
        if (k !== i && s.widgetId) getWidget(s.widgetId)?.pause();
      });
    };
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const i = refs.current.indexOf(e.target as HTMLDivElement);
          if (i >= 0) activate(i);
        }
      },
      { rootMargin: '-40% 0px -59% 0px' },
    );
    for (const el of refs.current) if (el) io.observe(el);
    return () => io.disconnect();
  }, [sections]);
  // Each section knows its widget's height (CSS gives the text after it at least that much).
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      for (const e of entries)
        e.target.parentElement?.style.setProperty(
          '--lesson-widget-h',
          `${Math.ceil(e.borderBoxSize[0]?.blockSize ?? e.contentRect.height)}px`,
        );
    });
    for (const el of refs.current) {
      const w = el?.querySelector(':scope > .lesson-widget');
      if (w) ro.observe(w);
    }
    return () => ro.disconnect();
  }, [sections]);

  return (
    <>
      {sections.map((s, i) =>
        s.widget ? (
          <div
            key={i}
            className="lesson-section"
            data-section-widget={s.widgetId}
            ref={(el) => {
              refs.current[i] = el;
            }}
          >
            <div className="lesson-text lesson-text-before">{s.before.map(render)}</div>
            {render(s.widget, -1)}
            <div className="lesson-text">{s.after.map(render)}</div>
          </div>
        ) : (
          <div key={i} className="lesson-text">
            {s.before.map(render)}
          </div>
        ),
      )}
    </>
  );
}
