/** Small directives: notes, and an error for a directive the renderer does not know. */
import type { ReactNode } from 'react';
import { attrsOf } from '../directives';

export function NoteDirective(props: Record<string, unknown> & { children?: ReactNode }) {
  const a = attrsOf(props);
  return (
    <aside className={`note note-${a.kind ?? 'info'}`} aria-label={a.title ?? 'Note'}>
      {a.title ? <strong className="note-title">{a.title}</strong> : null}
      {props.children}
    </aside>
  );
}

export function BadDirective(props: Record<string, unknown>) {
  return (
    <div className="error-box" role="alert">
      Unknown lesson directive <code>{String(props.name)}</code> ({String(props.kind)}). Known:
      widget, action, predict, reveal, note, experiment, tour, step, practice.
    </div>
  );
}
