/**
 * `:::tour{widget=elect}` holding `::step[Caption]{until=event:leader do=crash highlight=leader}`
 * lines: a guided tour of a widget on the page. The steps run inside that widget (caption,
 * Continue, leave and come back); the lesson text itself is left as it is.
 */
import { Children, isValidElement, useEffect, useMemo, type ReactNode } from 'react';
import { formatError } from '../../sim/core/errors';
import { ErrorList } from '../../ui/ErrorList';
import { registerTour, type Caption } from '../../widget/tour/registry';
import { parseSteps } from '../../widget/tour/stepSchema';
import { attrsOf } from '../directives';

type Props = Record<string, unknown> & { children?: ReactNode };

/** One step: read by its tour, never drawn on its own. */
export function StepDirective(props: Props) {
  return <>{props.children}</>;
}

/** The plain text of a caption, for the event log's narration. */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement(node)) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

export function TourDirective(props: Props) {
  const a = attrsOf(props);
  const widget = a.widget ?? 'widget';
  const parsed = useMemo(() => {
    const raws = Children.toArray(props.children)
      .filter((c) => isValidElement(c) && c.type === StepDirective)
      .map((c) => {
        const p = (c as { props: Props }).props;
        return { attrs: attrsOf(p), caption: p.children as Caption, text: textOf(p.children) };
      });
    return parseSteps(raws);
  }, [props.children]);
  useEffect(() => (parsed.ok ? registerTour(widget, parsed.value) : undefined), [widget, parsed]);
  if (parsed.ok) return null;
  return (
    <ErrorList
      title={`The guided tour of "${widget}" has a bad step; the rest of the lesson still works.`}
      errors={parsed.errors.map(formatError)}
    />
  );
}
