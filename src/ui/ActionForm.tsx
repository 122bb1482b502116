/**
 * The one way a view offers a model action: a button (and inputs for the arguments the caller
 * leaves open) whose label, description and argument limits come from the model's catalog
 * entry. Arguments the caller fixes are checked against the same schema: a button whose
 * arguments are out of range is disabled and says why.
 */
import { useState, type ReactNode } from 'react';
import { formatError } from '../sim/core/errors';
import type { ModelInfo } from '../sim/core/info';
import { actionInfo } from './modelInfo';
import { checkValues, fieldsOf, type Field } from './schemaFields';

type Send = (input: { action: string } & Record<string, unknown>) => void;

export interface ActionButtonProps {
  info: ModelInfo;
  action: string;
  /** The arguments, all fixed by the caller. */
  args?: Record<string, unknown>;
  send: Send;
  /** The catalog's label unless given (e.g. "Crash S3" for a crash of one server). */
  label?: ReactNode;
  /** The catalog's description unless given. */
  title?: string;
  disabled?: boolean;
  /** Called after sending (a toolbar that remembers what it changed). */
  onSent?(): void;
  pressed?: boolean;
  className?: string;
}

/** The first error of `args` against the action's schema, in the page's words, or null. */
export function argsError(info: ModelInfo, action: string, args: Record<string, unknown>) {
  const errors = checkValues(actionInfo(info, action).args, args, action);
  return errors.length ? errors.map(formatError).join('; ') : null;
}

export function ActionButton(p: ActionButtonProps) {
  const a = actionInfo(p.info, p.action);
  const args = p.args ?? {};
  const error = argsError(p.info, p.action, args);
  return (
    <button
      type="button"
      className={p.className}
      disabled={p.disabled || error !== null}
      title={error ?? p.title ?? a.description}
      aria-pressed={p.pressed}
      onClick={() => {
        p.send({ action: p.action, ...args });
        p.onSent?.();
      }}
    >
      {p.label ?? a.label}
    </button>
  );
}

export interface ActionFormProps {
  info: ModelInfo;
  action: string;
  send: Send;
  /** Arguments fixed by the caller; every other argument gets an input. */
  args?: Record<string, unknown>;
  /** Which open arguments get inputs: the required ones unless listed. */
  fields?: readonly string[];
  /** An input's label, shown (the field's title is its accessible name unless given). */
  fieldLabel?: Partial<Record<string, { text?: string; aria?: string; placeholder?: string }>>;
  /** The catalog's label unless given. */
  submit?: ReactNode;
  /** Starting values of open arguments (the schema's default or minimum otherwise). */
  initial?: Record<string, unknown>;
  disabled?: boolean;
  className?: string;
}

function initial(f: Field): unknown {
  if (f.default !== undefined) return f.default;
  if (f.kind === 'enum') return f.options?.[0];
  if (f.kind === 'boolean') return false;
  return f.min ?? 0;
}

/** Inputs for the action's open arguments, limited by its schema, and a submit button. */
export function ActionForm(p: ActionFormProps) {
  const a = actionInfo(p.info, p.action);
  const fixed = p.args ?? {};
  const open = fieldsOf(a.args).filter(
    (f) =>
      !(f.key in fixed) && f.kind !== 'other' && (p.fields ? p.fields.includes(f.key) : f.required),
  );
  const placeholders = open.some((f) => p.fieldLabel?.[f.key]?.placeholder !== undefined);
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(
      open.map((f) => [f.key, p.initial?.[f.key] ?? (placeholders ? undefined : initial(f))]),
    ),
  );
  const args = { ...fixed, ...values };
  // An empty input with a placeholder means "the current value": nothing to send yet.
  const blank = open.some((f) => args[f.key] === undefined || args[f.key] === '');
  const error = blank ? null : argsError(p.info, p.action, args);
  return (
    <form
      className={`action-form ${p.className ?? ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (blank || error) return;
        p.send({ action: p.action, ...args });
      }}
    >
      {open.map((f) => {
        const l = p.fieldLabel?.[f.key];
        const set = (v: unknown) => setValues({ ...values, [f.key]: v });
        return (
          <label key={f.key} className="action-arg">
            {l?.text ? `${l.text} ` : <span className="sr-only">{f.title}</span>}
            {f.kind === 'enum' || f.kind === 'boolean' ? (
              <select
                value={String(values[f.key])}
                aria-label={l?.aria}
                onChange={(e) =>
                  set(f.kind === 'boolean' ? e.target.value === 'true' : e.target.value)
                }
                disabled={p.disabled}
              >
                {(f.kind === 'boolean' ? ['true', 'false'] : (f.options ?? [])).map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : (
              <input
                type="number"
                title={f.title}
                aria-label={l?.aria}
                value={values[f.key] === undefined ? '' : String(values[f.key])}
                placeholder={l?.placeholder}
                min={f.min}
                max={f.max}
                step={f.step ?? (f.kind === 'integer' ? 1 : 'any')}
                disabled={p.disabled}
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
              />
            )}
          </label>
        );
      })}
      <button type="submit" disabled={p.disabled} title={error ?? a.description}>
        {p.submit ?? a.label}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
