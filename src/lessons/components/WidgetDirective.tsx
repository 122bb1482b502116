/** `::widget{#id preset=... param-x=... seed=... height=... controls=... autoplay}` */
import { ErrorList } from '../../ui/ErrorList';
import { formatError } from '../../sim/core/errors';
import { allWidgets } from '../../widget/handles';
import { ALL_CONTROLS, Widget, type Control, type WidgetStatus } from '../../widget/Widget';
import { attrsOf, scenarioFromAttrs, type Attrs } from '../directives';
import { useLessonContext } from '../context';

/**
 * In lessons, while messages fly at the model's lesson speed, each stays on screen this long
 * (issue 15: at least half a second to follow a Raft RequestVote or AppendEntries).
 */
export const LESSON_SLOW_MOTION_MS = 600;

/**
 * The same attributes give the same scenario object: the widget restarts its run when handed a
 * new one, so a lesson re-rendering (for whatever reason) must not hand it one.
 */
const parsedByAttrs = new Map<string, ReturnType<typeof scenarioFromAttrs>>();
function parseOnce(a: Attrs, model: string | undefined): ReturnType<typeof scenarioFromAttrs> {
  const key = `${model ?? ''} ${JSON.stringify(a)}`;
  let parsed = parsedByAttrs.get(key);
  if (!parsed) {
    parsed = scenarioFromAttrs(a, model);
    parsedByAttrs.set(key, parsed);
  }
  return parsed;
}

/** One widget plays at a time in a lesson: starting one pauses the others (their runs kept). */
const pausers = new Map<string, (status: WidgetStatus) => void>();
function pauseOthersOnPlay(id: string): (status: WidgetStatus) => void {
  let f = pausers.get(id);
  if (!f) {
    f = (status) => {
      if (status === 'playing') for (const h of allWidgets()) if (h.id !== id) h.pause();
    };
    pausers.set(id, f);
  }
  return f;
}

export function WidgetDirective(props: Record<string, unknown>) {
  const a = attrsOf(props);
  const lesson = useLessonContext();
  const parsed = parseOnce(a, lesson.model);
  const id = a.id ?? 'widget';
  const onStatus = pauseOthersOnPlay(id);
  if (!parsed.ok) {
    return (
      <ErrorList
        title={`The widget "${id}" in this lesson has a bad attribute; the rest of the lesson still works.`}
        errors={parsed.errors.map(formatError)}
      />
    );
  }
  const controls = a.controls
    ? (a.controls
        .split(/[\s,]+/)
        .filter((c) => (ALL_CONTROLS as readonly string[]).includes(c)) as Control[])
    : undefined;
  const height = Number(a.height);
  const after = `after-${id}`;
  // Keyboard users can pass a widget's many controls and read on. The link comes right after
  // the guided tour's panel (first in the widget), so a tour's Start stays a lesson's first stop.
  const skip = (
    <a
      className="skip-link widget-skip"
      href={`#${after}`}
      onClick={(e) => (e.preventDefault(), document.getElementById(after)?.focus())}
    >
      Skip the widget
    </a>
  );
  return (
    <div className="lesson-widget">
      <Widget
        afterTour={skip}
        id={id}
        scenario={parsed.value}
        {...(a.title ? { title: a.title } : {})}
        {...(controls ? { controls } : {})}
        {...(Number.isFinite(height) && height >= 200 && height <= 1200
          ? { height }
          : { height: 380 })}
        autoplay={a.autoplay !== undefined && a.autoplay !== 'false'}
        slowMotionMs={LESSON_SLOW_MOTION_MS}
        compact
        onStatus={onStatus}
        onShare={lesson.onShare}
        shareLabel="Open in playground"
      />
      <span id={after} tabIndex={-1} className="widget-after" />
    </div>
  );
}
