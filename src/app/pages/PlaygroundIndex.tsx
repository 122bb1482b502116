/** Every model, with its presets. */
import { MODEL_INFOS } from '../../widget/models';
import { href } from '../router';

export function PlaygroundIndex() {
  return (
    <div className="page">
      <h1>Playground</h1>
      <p className="muted">
        Open a model with any preset, change anything while it runs, and share the exact run by
        link.
      </p>
      <ul className="lesson-cards">
        {MODEL_INFOS.map((m) => (
          <li key={m.id}>
            <a className="lesson-card" href={href('play', m.id)}>
              <span className="lesson-title">{m.title}</span>
              <span className="lesson-summary">{m.summary}</span>
              <span className="lesson-meta">{m.presets.length} presets</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
