/**
 * `:action[Add a node]{widget=ring action=addNode arg-weight=2}`: a button that applies an input
 * to a widget on the page. `action=play|pause|reset` drive playback instead.
 */
import { useState, type ReactNode } from 'react';
import { formatError } from '../../sim/core/errors';
import { whenWidget } from '../../widget/handles';
import { modelInfo } from '../../widget/models';
import { actionOf, attrsOf } from '../directives';
import { useLessonContext } from '../context';

export function ActionDirective(props: Record<string, unknown> & { children?: ReactNode }) {
  const a = attrsOf(props);
  const lesson = useLessonContext();
  const [status, setStatus] = useState<string | null>(null);
  const widget = a.widget ?? 'widget';
  const what = actionOf(a, modelInfo(a.model ?? lesson.model ?? ''));
  if (what.kind === 'playback') {
    const action = what.action;
    return (
      <button
        type="button"
        className="lesson-action"
        onClick={() => void whenWidget(widget).then((h) => h[action]())}
      >
        {props.children}
      </button>
    );
  }
  if (what.kind === 'bad') {
    return (
      <span className="inline-error" role="alert">
        [action button unavailable: {what.problems.map(formatError).join('; ')}]
      </span>
    );
  }
  const input = what.input;
  return (
    <>
      <button
        type="button"
        className="lesson-action"
        onClick={async () => {
          const h = await whenWidget(widget);
          const r = await h.input(input);
          setStatus(r && !r.ok ? (r.errors ?? []).map(formatError).join('; ') : null);
        }}
      >
        {props.children}
      </button>
      {status ? (
        <span className="inline-error" role="alert">
          {status}
        </span>
      ) : null}
    </>
  );
}
