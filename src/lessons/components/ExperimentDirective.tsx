/** `::experiment{id=hashring-balance sweep=vnodes values="1,10,100" param-nodes=10}` */
import { lazy, Suspense } from 'react';
import { coerce } from '../../ui/schemaFields';
import { experimentInfo } from '../../widget/models';
import { attrsOf, experimentParamsOf } from '../directives';

const ExperimentRunner = lazy(() =>
  import('../../widget/ExperimentRunner').then((m) => ({ default: m.ExperimentRunner })),
);

export function ExperimentDirective(props: Record<string, unknown>) {
  const a = attrsOf(props);
  // Coerce by the experiment's own field kinds, so `param-warmStart=true` is a boolean.
  const params = experimentParamsOf(a, experimentInfo(a.id ?? ''));
  const sweep = a.sweep
    ? {
        param: a.sweep,
        values: (a.values ?? '')
          .split(',')
          .map((s) => coerce(undefined, s.trim()) as number | string),
      }
    : undefined;
  return (
    <div className="lesson-experiment">
      <Suspense fallback={<p className="muted">Loading the experiment…</p>}>
        <ExperimentRunner id={a.id ?? ''} params={params} {...(sweep ? { sweep } : {})} compact />
      </Suspense>
    </div>
  );
}
