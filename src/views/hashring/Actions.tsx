/** Hashring actions: add and remove nodes, set virtual nodes, add keys. */
import { useState } from 'react';
import { ActionButton, ActionForm } from '../../ui/ActionForm';
import { limitsOf, paramField } from '../../ui/modelInfo';
import type { HashringProps } from './types';

const WEIGHTS = [0.5, 1, 2, 4];
const KEY_BATCHES = [1000, 10_000];

export function HashringActions(p: HashringProps) {
  const { view, info, send } = p;
  const [remove, setRemove] = useState<number | null>(null);
  const [weight, setWeight] = useState(1);
  const target =
    remove !== null && view.nodes.some((n) => n.id === remove)
      ? remove
      : (view.nodes[view.nodes.length - 1]?.id ?? 0);
  const nodes = limitsOf(paramField(info, 'nodes'));
  const currentVnodes = Number(p.frame.params.vnodes ?? 1);
  return (
    <div className="actions" role="group" aria-label="Actions">
      <span className="action-form">
        <ActionButton
          info={info}
          action="addNode"
          args={weight !== 1 ? { weight } : {}}
          send={send}
          disabled={view.nodes.length >= nodes.max}
        />
        <label>
          <span className="sr-only">Weight of the new node</span>
          <select
            value={weight}
            onChange={(e) => setWeight(Number(e.target.value))}
            title="Weight of the new node"
          >
            {WEIGHTS.map((w) => (
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
        <ActionButton
          info={info}
          action="removeNode"
          args={{ node: target }}
          send={send}
          label="Remove"
          disabled={view.nodes.length <= 1}
        />
      </span>
      <ActionForm
        info={info}
        action="setVnodes"
        send={send}
        submit="Set"
        fieldLabel={{
          vnodes: {
            text: 'vnodes',
            aria: 'Virtual nodes per node',
            placeholder: String(currentVnodes),
          },
        }}
      />
      {KEY_BATCHES.map((count) => (
        <ActionButton
          key={count}
          info={info}
          action="addKeys"
          args={{ count }}
          send={send}
          label={`+${count.toLocaleString('en')} keys`}
        />
      ))}
    </div>
  );
}
