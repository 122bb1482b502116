/**
 * The toolbar of a model whose views bring none: one ActionForm per model action, in the
 * catalog's order (an action without arguments is one button).
 */
import type { ModelInfo } from '../sim/core/info';
import { ActionForm } from '../ui/ActionForm';
import type { LearnerInput } from '../views/types';

export function ActionsBar({
  info,
  send,
  disabled,
}: {
  info: ModelInfo;
  send(i: LearnerInput): void;
  disabled: boolean;
}) {
  return (
    <div className="actions" role="group" aria-label="Actions">
      {info.modelActions.map((name) => (
        <ActionForm key={name} info={info} action={name} send={send} disabled={disabled} />
      ))}
    </div>
  );
}
