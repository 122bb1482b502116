/** Hashring actions: add and remove nodes, set virtual nodes, add keys. */
import { useState } from 'react';
import type { ViewProps } from '../types';
import type { HashringView } from './types';

export function HashringActions(p: ViewProps) {
  const view = p.snapshot.frame?.view as HashringView | undefined;
  const [remove, setRemove] = useState<number | null>(null);
  const [weight, setWeight] = useState(1);
  const [vnodes, setVnodes] = useState<string>('');
  if (!view) return null;
  const target =
    remove !== null && view.nodes.some((n) => n.id === remove)
      ? remove
      : (view.nodes[view.nodes.length - 1]?.id ?? 0);
  const currentVnodes = Number(p.snapshot.frame?.params.vnodes ?? 1);
  return (
    <div className="actions" role="group" aria-label="Actions">
      <span className="action-form">
        <button
          type="button"
          onClick={() => p.send({ action: 'addNode', ...(weight !== 1 ? { weight } : {}) })}
          disabled={view.nodes.length >= 64}
        >
          Add a node
        </button>
        <label>
          <span className="sr-only">Weight of the new node</span>
          <select
            value={weight}
            onChange={(e) => setWeight(Number(e.target.value))}
            title="Weight of the new node"
          >
            {[0.5, 1, 2, 4].map((w) => (
              <option key={w} value={w}>
                weight {w}
              </option>
            ))}
          </select>
        </label>
      </span>
      <span className="action-form">
        <label>
          <span className="sr-only">Node to remove</span>
          <select value={target} onChange={(e) => setRemove(Number(e.target.value))}>
            {view.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => p.send({ action: 'removeNode', node: target })}
          disabled={view.nodes.length <= 1}
        >
          Remove
        </button>
      </span>
      <form
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          const v = Number(vnodes || currentVnodes);
          p.send({ action: 'setVnodes', vnodes: v });
        }}
      >
        <label>
          vnodes{' '}
          <input
            type="number"
            min={1}
            max={1000}
            value={vnodes}
            placeholder={String(currentVnodes)}
            onChange={(e) => setVnodes(e.target.value)}
            aria-label="Virtual nodes per node"
          />
        </label>
        <button type="submit">Set</button>
      </form>
      <button type="button" onClick={() => p.send({ action: 'addKeys', count: 1000 })}>
        +1,000 keys
      </button>
      <button type="button" onClick={() => p.send({ action: 'addKeys', count: 10000 })}>
        +10,000 keys
      </button>
    </div>
  );
}
