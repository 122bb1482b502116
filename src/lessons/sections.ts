/**
 * A lesson cut into sections, scrollytelling style: each widget with the text that talks about
 * it, which is the text after it up to the next widget (and, for the first widget, the text
 * before it too). On wide screens the widget sticks beside its section's text.
 */
import type { LessonNode } from './tree';

export interface LessonSection {
  /** The widget's id (its `#id`), or null for a lesson with no widget. */
  widgetId: string | null;
  before: LessonNode[];
  widget: LessonNode | null;
  after: LessonNode[];
}

const isWidget = (n: LessonNode): n is [string, Record<string, unknown> | null, ...LessonNode[]] =>
  Array.isArray(n) && n[0] === 'ds-widget';

const idOf = (n: LessonNode): string => {
  const props = Array.isArray(n) ? n[1] : null;
  const id = props?.['data-id'] ?? props?.dataId;
  return typeof id === 'string' ? id : 'widget';
};

export function sectionsOf(tree: readonly LessonNode[]): LessonSection[] {
  const sections: LessonSection[] = [];
  const lead: LessonNode[] = [];
  for (const node of tree) {
    const current = sections.at(-1);
    if (isWidget(node))
      sections.push({ widgetId: idOf(node), before: current ? [] : lead, widget: node, after: [] });
    else if (current) current.after.push(node);
    else lead.push(node);
  }
  if (!sections.length) return [{ widgetId: null, before: lead, widget: null, after: [] }];
  return sections;
}
