/**
 * `:action[Add a node]{widget=ring action=addNode arg-weight=2}`: a button that applies an input
 * to a widget on the page. `action=play|pause|reset` drive playback instead.
 */
import { useState, type ReactNode } from 'react';
import { formatError } from '../../sim/core/errors';
import { checkInput } from '../../widget/checkScenario';
import { whenWidget } from '../../widget/handles';
import { modelInfo } from '../../widget/models';
import { argsOf, attrsOf, asAttributeError } from '../directives';
import { useLessonContext } from '../context';

const PLAYBACK = ['play', 'pause', 'reset'] as const;

export function ActionDirective(props: Record<string, unknown> & { children?: ReactNode }) {
  const a = attrsOf(props);
  const lesson = useLessonContext();
  const [status, setStatus] = useState<string | null>(null);
  const widget = a.widget ?? 'widget';
  const action = a.action ?? '';
  const info = modelInfo(a.model ?? lesson.model ?? '');
  const args = argsOf(a, info, action);
  if (isPlayback(action)) {
    return (
      <button
        type="button"
        className="lesson-action"
        onClick={() =>
          void whenWidget(widget).then((h) => h[action as (typeof PLAYBACK)[number]]())
        }
      >
        {props.children}
      </button>
    );
  }
  const problems = info
    ? checkInput(info, { at: 0, action, ...args }, 'action').map((e) =>
        asAttributeError({
          ...e,
          path: e.path.replace(/^action\./, 'arg-').replace(/^arg-action$/, 'action'),
        }),
      )
    : [{ path: 'model', message: 'is required' }];
  if (problems.length) {
    return (
      <span className="inline-error" role="alert">
        [action button unavailable: {problems.map(formatError).join('; ')}]
      </span>
    );
  }
  const input = { action, ...args };
  return (
    <>
      <button
        type="button"
        className="lesson-action"
        onClick={async () => {
          const h = await whenWidget(widget);
          const r = await h.input(input as { action: string });
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

const isPlayback = (action: string): boolean => (PLAYBACK as readonly string[]).includes(action);
