/** The clocks toolbar: make a process do a local event or send a message, and heal a cut. */
import { ActionButton, ActionForm } from '../../ui/ActionForm';
import type { ClocksProps } from './types';

export function ClocksActions(p: ClocksProps) {
  const { info, send, view } = p;
  const act = { info, send };
  const last = view.processes - 1;
  return (
    <div className="actions clocks-actions" role="group" aria-label="Actions">
      <ActionForm {...act} action="local" fieldLabel={{ process: { text: 'on P' } }} />
      <ActionForm {...act} action="write" fieldLabel={{ process: { text: 'on P' } }} />
      <ActionForm
        {...act}
        action="send"
        fieldLabel={{ from: { text: 'from P' }, to: { text: 'to P' } }}
        // P0 to P1: the schema's minimum for both would be a send to itself, which is refused.
        initial={{ to: 1 }}
      />
      <ActionButton
        {...act}
        action="partition"
        label="Cut P0 off"
        title="A partition: P0's messages to the others, and theirs to it, are lost until you heal it"
        args={{ groups: [[0], Array.from({ length: last }, (_, i) => i + 1)] }}
        disabled={!!view.partition}
      />
      <ActionButton
        {...act}
        action="heal"
        label="Heal"
        disabled={!view.partition}
        title={view.partition ? 'Joins the network again' : 'The network is whole'}
      />
    </div>
  );
}
