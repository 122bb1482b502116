/** Which stamps the diagram writes, and the key to its marks. */
import { useStore } from 'zustand';
import { markPath } from './style';
import type { ClocksProps, ClocksUi } from './types';

const CLOCKS: { key: keyof ClocksUi['show']; label: string; title: string }[] = [
  { key: 'lamport', label: 'Lamport', title: 'Lamport timestamp, above each event' },
  {
    key: 'vector',
    label: 'Vector',
    title: 'Vector clock, one count per process, under each event',
  },
  { key: 'hlc', label: 'HLC', title: 'Hybrid logical clock l.c (l in ms), under each event' },
];

export function ClockToggles({ ui }: ClocksProps) {
  const show = useStore(ui, (s) => s.show);
  return (
    <div className="clocks-toggles" role="group" aria-label="Clocks shown">
      <span className="clocks-toggles-title">Show</span>
      {CLOCKS.map((c) => (
        <label key={c.key} title={c.title}>
          <input
            type="checkbox"
            checked={show[c.key]}
            onChange={(e) => ui.setState({ show: { ...show, [c.key]: e.target.checked } })}
          />
          {c.label}
        </label>
      ))}
      <span className="clocks-key" aria-hidden="true">
        {(['local', 'send', 'receive'] as const).map((k) => (
          <span key={k}>
            <svg width="12" height="12" viewBox="-6 -6 12 12">
              <path d={markPath(k, 4.5)} />
            </svg>
            {k}
          </span>
        ))}
      </span>
    </div>
  );
}
