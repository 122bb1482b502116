/**
 * Buttons for a model's actions, generated from their argument schemas: an action without
 * arguments is one button; one with arguments gets small inputs beside its button.
 */
import { useState } from 'react';
import type { ActionInfo, ModelInfo } from '../sim/core/info';
import { fieldsOf, type Field } from '../ui/schemaFields';
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
      {info.modelActions.map((name) => {
        const a = info.actions[name];
        return a ? (
          <ActionForm key={name} name={name} action={a} send={send} disabled={disabled} />
        ) : null;
      })}
    </div>
  );
}

function initial(f: Field): unknown {
  if (f.default !== undefined) return f.default;
  if (f.kind === 'enum') return f.options?.[0];
  if (f.kind === 'boolean') return false;
  return f.min ?? 0;
}

function ActionForm({
  name,
  action,
  send,
  disabled,
}: {
  name: string;
  action: ActionInfo;
  send(i: LearnerInput): void;
  disabled: boolean;
}) {
  const required = fieldsOf(action.args).filter((f) => f.required && f.kind !== 'other');
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(required.map((f) => [f.key, initial(f)])),
  );
  return (
    <form
      className="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({ action: name, ...values });
      }}
    >
      {required.map((f) => (
        <label key={f.key} className="action-arg">
          <span className="sr-only">{f.title}</span>
          {f.kind === 'enum' || f.kind === 'boolean' ? (
            <select
              value={String(values[f.key])}
              onChange={(e) =>
                setValues({
                  ...values,
                  [f.key]: f.kind === 'boolean' ? e.target.value === 'true' : e.target.value,
                })
              }
              disabled={disabled}
            >
              {(f.kind === 'boolean' ? ['true', 'false'] : (f.options ?? [])).map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input
              type="number"
              title={f.title}
              value={String(values[f.key] ?? '')}
              min={f.min}
              max={f.max}
              disabled={disabled}
              onChange={(e) => setValues({ ...values, [f.key]: Number(e.target.value) })}
            />
          )}
        </label>
      ))}
      <button type="submit" disabled={disabled} title={action.description}>
        {action.label}
      </button>
    </form>
  );
}
