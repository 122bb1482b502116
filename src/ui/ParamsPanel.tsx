/**
 * A params form generated from the model's schema. Changes apply live (debounced for sliders);
 * a value the schema rejects is shown with the schema's own message and not applied.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { JsonObjectSchema } from '../sim/core/info';
import { fieldsOf, shownUnit, type Field } from './schemaFields';

export interface ParamsPanelProps {
  schema: JsonObjectSchema;
  values: Record<string, unknown>;
  /** Returns an error message naming the field and limit, or null if the patch is valid. */
  validate(patch: Record<string, unknown>): string | null;
  onApply(patch: Record<string, unknown>): void;
  disabled?: boolean;
  /**
   * Starts folded to its title, a button that opens it (lessons: the drawing and the text come
   * first). Left out, the panel is always open (playgrounds, embeds).
   */
  collapsible?: boolean;
}

export function ParamsPanel({
  schema,
  values,
  validate,
  onApply,
  disabled,
  collapsible,
}: ParamsPanelProps) {
  const [open, setOpen] = useState(!collapsible);
  const rowsId = useId();
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  // Rows re-render only when their own value changes (the panel follows a 5-a-second channel
  // while playing, and React re-sets every input's attributes on each render): callers may pass
  // a new callback each time, so the rows get stable ones.
  const latest = useRef({ validate, onApply });
  useLayoutEffect(() => {
    latest.current = { validate, onApply };
  });
  const stableValidate = useCallback(
    (patch: Record<string, unknown>) => latest.current.validate(patch),
    [],
  );
  const stableApply = useCallback(
    (patch: Record<string, unknown>) => latest.current.onApply(patch),
    [],
  );
  const [showAdvanced, setShowAdvanced] = useState(false);
  const basic = fields.filter((f) => !f.advanced);
  const advanced = fields.filter((f) => f.advanced);
  const row = (f: Field) => (
    <ParamRow
      key={f.key}
      field={f}
      value={values[f.key]}
      validate={stableValidate}
      onApply={stableApply}
      disabled={!!disabled}
    />
  );
  return (
    <fieldset className={`params${open ? '' : ' folded'}`} disabled={disabled}>
      {collapsible ? (
        // Inside the legend, so a disabled fieldset leaves the toggle working.
        <legend>
          <button
            type="button"
            className="link-button params-toggle"
            aria-expanded={open}
            aria-controls={rowsId}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
            Parameters
          </button>
        </legend>
      ) : (
        <legend>Parameters</legend>
      )}
      {/* Folded rows stay mounted (hidden): a value set from the text still shows when opened. */}
      <div className="params-rows" id={rowsId} hidden={!open}>
        {basic.map(row)}
        {advanced.length > 0 && (
          <>
            <button
              type="button"
              className="link-button"
              aria-expanded={showAdvanced}
              onClick={() => setShowAdvanced((s) => !s)}
            >
              {showAdvanced ? 'Fewer parameters' : `More parameters (${advanced.length})`}
            </button>
            {showAdvanced && advanced.map(row)}
          </>
        )}
      </div>
    </fieldset>
  );
}

interface RowProps {
  field: Field;
  value: unknown;
  validate(patch: Record<string, unknown>): string | null;
  onApply(patch: Record<string, unknown>): void;
  disabled: boolean;
}

const toSlider = (f: Field, v: number): number =>
  f.log ? Math.log10(Math.max(v, f.min ?? 1e-9)) : v;
const fromSlider = (f: Field, s: number): number => {
  const v = f.log ? 10 ** s : s;
  if (f.kind === 'integer') return Math.round(v);
  const step = f.step ?? 0.01;
  return Math.round(v / step) * step;
};

const ParamRow = memo(function ParamRow({
  field: f,
  value,
  validate,
  onApply,
  disabled,
}: RowProps) {
  const id = useId();
  const [draft, setDraft] = useState<string>(String(value ?? ''));
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editing = useRef(false);

  useEffect(() => {
    if (!editing.current) setDraft(String(value ?? ''));
  }, [value]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const apply = (v: unknown, debounceMs = 0) => {
    const msg = validate({ [f.key]: v });
    setError(msg);
    if (msg) return;
    if (timer.current) clearTimeout(timer.current);
    const go = () => {
      editing.current = false;
      if (v !== value) onApply({ [f.key]: v });
    };
    if (debounceMs) timer.current = setTimeout(go, debounceMs);
    else go();
  };

  const label = (
    <label htmlFor={id} title={f.description}>
      {f.title}
      {shownUnit(f) ? <span className="unit"> ({shownUnit(f)})</span> : null}
    </label>
  );
  const describedBy = error ? `${id}-err` : f.description ? `${id}-desc` : undefined;

  if (f.kind === 'boolean') {
    return (
      <div className="param param-bool">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          onChange={(e) => apply(e.target.checked)}
        />
        {label}
      </div>
    );
  }
  if (f.kind === 'enum') {
    return (
      <div className="param">
        {label}
        <select
          id={id}
          value={String(value)}
          disabled={disabled}
          onChange={(e) => apply(e.target.value)}
        >
          {f.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (f.kind === 'integer' || f.kind === 'number') {
    const num = typeof value === 'number' ? value : Number(draft);
    // A slider over billions of values (a seed) is useless: show just the number box.
    const hasRange = f.min !== undefined && f.max !== undefined && (f.log || f.max - f.min <= 1e6);
    return (
      <div className="param">
        {label}
        <div className="param-inputs">
          {hasRange && (
            <input
              type="range"
              aria-label={`${f.title} slider`}
              min={toSlider(f, f.min!)}
              max={toSlider(f, f.max!)}
              step={f.log ? 0.01 : (f.step ?? (f.kind === 'integer' ? 1 : (f.max! - f.min!) / 100))}
              value={toSlider(f, Number.isFinite(num) ? num : f.min!)}
              disabled={disabled}
              onChange={(e) => {
                const v = fromSlider(f, Number(e.target.value));
                editing.current = true;
                setDraft(String(v));
                apply(v, 150);
              }}
            />
          )}
          <input
            id={id}
            className="num"
            type="number"
            inputMode="decimal"
            value={draft}
            min={f.min}
            max={f.max}
            step={f.step ?? (f.kind === 'integer' ? 1 : 'any')}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            disabled={disabled}
            onChange={(e) => {
              editing.current = true;
              setDraft(e.target.value);
            }}
            onBlur={() => apply(draft.trim() === '' ? NaN : Number(draft))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply(draft.trim() === '' ? NaN : Number(draft));
            }}
          />
        </div>
        {error ? (
          <p id={`${id}-err`} className="field-error" role="alert">
            {error}
          </p>
        ) : f.description ? (
          <p id={`${id}-desc`} className="sr-only">
            {f.description}
          </p>
        ) : null}
      </div>
    );
  }
  return null;
});
