/** The model's invariants, checked after every event, shown as live checks. */
import { memo, useId } from 'react';
import type { InvariantStatus } from '../sim/core/types';

export const InvariantsPanel = memo(function InvariantsPanel({
  items,
}: {
  items: readonly InvariantStatus[];
}) {
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section className="invariants" role="group" aria-labelledby={titleId}>
      <div id={titleId} className="panel-title">
        Invariants
      </div>
      <ul>
        {items.map((i) => (
          <li key={i.id} className={i.ok ? 'ok' : 'broken'} data-invariant={i.id}>
            <span aria-hidden="true" className="mark">
              {i.ok ? '✓' : '✗'}
            </span>
            <span className="sr-only">{i.ok ? 'Holds:' : 'Broken:'}</span> {i.label}
            {i.detail ? <p className="detail">{i.detail}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
});
