/**
 * Parts every node on the network stage shares: pointer, focus and keyboard wiring for a node
 * drawn as a button, the crash mark, and the details popover a clicked node or message opens.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

export type How = 'hover' | 'leave' | 'activate';

/**
 * Props that make an SVG or HTML element act on `on(id, how)`: hover and focus say `hover`,
 * leaving and blur `leave`, click, Enter and Space `activate`.
 */
export function activateProps(id: number, on: (id: number, how: How) => void) {
  return {
    onClick: () => on(id, 'activate'),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        // Space would also reach the page's play/pause shortcut.
        e.preventDefault();
        e.stopPropagation();
        on(id, 'activate');
      }
    },
    onPointerEnter: () => on(id, 'hover'),
    onPointerLeave: () => on(id, 'leave'),
    onFocus: () => on(id, 'hover'),
    onBlur: () => on(id, 'leave'),
  };
}

/** A cross over a crashed node's shape (paired with its grey colour and the word "crashed"). */
export function CrashMark({ r, className }: { r: number; className?: string }) {
  const d = r * 0.6;
  return (
    <path
      d={`M${-d},${-d}L${d},${d}M${d},${-d}L${-d},${d}`}
      className={`net-cross ${className ?? ''}`}
    />
  );
}

/**
 * The details of what the learner clicked, over the stage: focus moves into it on open (keyboard
 * users land on its actions), Escape or the × closes it.
 */
export function Popover({
  openKey,
  onClose,
  children,
  className,
}: {
  /** Focus moves in whenever this changes (another node opened). */
  openKey: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [openKey]);
  return (
    <div
      ref={box}
      className={`net-popover ${className ?? ''}`}
      role="region"
      aria-label="Details"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" className="net-close" onClick={onClose} aria-label="Close details">
        ×
      </button>
      {children}
    </div>
  );
}

/**
 * A node's countdown (an election timeout, a token's regeneration) as an arc around it, full at
 * the start and shrinking clockwise from 12 o'clock. The stage's frame loop sets the fraction left
 * with `setTimerArc`: a dash offset, which repaints the arc without laying out the drawing (a new
 * path `d` would, on every frame).
 */
export function TimerArc({
  r,
  className,
  color,
  register,
}: {
  r: number;
  className: string;
  color?: string | undefined;
  register(el: SVGCircleElement | null): void;
}) {
  return (
    <circle
      ref={register}
      r={r}
      pathLength={1}
      strokeDasharray="1 1"
      transform="rotate(-90)"
      className={className}
      stroke={color}
      style={{ strokeDashoffset: 1, visibility: 'hidden' }}
    />
  );
}

/** Shows a fraction (0 to 1) of a TimerArc; 0 or less hides it. */
export function setTimerArc(el: SVGCircleElement, fraction: number): void {
  const f = Math.max(0, Math.min(1, fraction));
  el.style.strokeDashoffset = (1 - f).toFixed(4);
  const v = f > 0 ? 'visible' : 'hidden';
  if (el.style.visibility !== v) el.style.visibility = v;
}

/**
 * The TimerArcs of a view's nodes, by node id, for its frame loop to set: `registerArc(id, el)`
 * is each arc's `register` (null on unmount).
 */
export function useTimerArcs() {
  // One map for the component's life, filled and emptied by the arcs' ref callbacks.
  const [arcs] = useState(() => new Map<number, SVGCircleElement>());
  const registerArc = useCallback(
    (id: number, el: SVGCircleElement | null) => {
      if (el) arcs.set(id, el);
      else arcs.delete(id);
    },
    [arcs],
  );
  return { arcs, registerArc };
}
