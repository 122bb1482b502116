/**
 * `:action[Add a node]{widget=ring action=addNode arg-weight=2}`: a button that applies an input
 * to a widget on the page. `action=play|pause|reset` drive playback instead.
 */
import { useState, type ReactNode } from 'react';
import { catalog } from '../../sim/catalog';
import { formatError } from '../../sim/core/errors';
import { parseInput } from '../../sim/core/scenario';
import { coerce } from '../../ui/schemaFields';
import { whenWidget } from '../../widget/handles';
import { attrsOf, asAttributeError } from '../directives';
import { useLessonContext } from '../context';

const PLAYBACK = ['play', 'pause', 'reset'] as const;

export function ActionDirective(props: Record<string, unknown> & { children?: ReactNode }) {
  const a = attrsOf(props);
  const lesson = useLessonContext();
  const [status, setStatus] = useState<string | null>(null);
  const widget = a.widget ?? 'widget';
  const action = a.action ?? '';
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a))
    if (k.startsWith('arg-') && v !== undefined) args[k.slice(4)] = coerce(undefined, v);
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
  const meta = catalog(a.model ?? lesson.model ?? '');
  const parsed = meta ? parseInput(meta, { at: 0, action, ...args }, 'action') : null;
  if (!parsed || !parsed.ok) {
    const errors = parsed
      ? parsed.errors.map((e) =>
          asAttributeError({
            ...e,
            path: e.path.replace(/^action\./, 'arg-').replace(/^arg-action$/, 'action'),
          }),
        )
      : [{ path: 'model', message: 'is required' }];
    return (
      <span className="inline-error" role="alert">
        [action button unavailable: {errors.map(formatError).join('; ')}]
      </span>
    );
  }
  const { at: _at, ...input } = parsed.value;
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
