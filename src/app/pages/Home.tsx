/** The course map: lessons grouped by the phases of the learning path, with progress. */
import { MODEL_INFOS } from '../../widget/models';
import { PHASES } from '../../lessons/phases';
import { answeredCount, loadProgress } from '../../lessons/progress';
import { COMING } from '../curriculum';
import { LISTED } from '../lessonIndex';
import { href } from '../router';

export function Home() {
  const progress = loadProgress();
  const visited = LISTED.filter((l) => progress.visited[l.id]).length;
  return (
    <div className="home">
      <section className="hero">
        <h1>Learn distributed systems by running them</h1>
        <p>
          Every lesson sits next to a live simulation. Crash a node, cut the network, flood a cache:
          then rewind, fork the timeline and share the exact run by link. Every run is seeded and
          replays bit for bit.
        </p>
        {LISTED[0] && (
          <p>
            <a
              className="cta"
              href={href('lesson', (LISTED.find((l) => !progress.visited[l.id]) ?? LISTED[0]).id)}
            >
              {visited === 0 ? 'Start with the first lesson' : 'Continue where you left off'} →
            </a>
          </p>
        )}
        <p className="muted">
          {LISTED.length} lessons, {MODEL_INFOS.length} live{' '}
          {MODEL_INFOS.length === 1 ? 'model' : 'models'}. You have opened {visited} of them.
        </p>
      </section>
      <nav aria-label="Course map" className="course-map">
        <h2>Course map</h2>
        <ol className="phases">
          {PHASES.map((phase) => {
            const lessons = LISTED.filter((l) => l.phase === phase.id);
            const coming = COMING[phase.id] ?? [];
            return (
              <li key={phase.id} className="phase" aria-labelledby={`phase-${phase.id}`}>
                <h3 id={`phase-${phase.id}`}>
                  <span className="phase-num">Phase {phase.id}</span> {phase.title}
                </h3>
                <p className="muted">{phase.blurb}</p>
                <ul className="lesson-cards">
                  {lessons.map((l) => {
                    const seen = !!progress.visited[l.id];
                    const answered = answeredCount(progress, l.id);
                    return (
                      <li key={l.id}>
                        <a
                          className={`lesson-card ${seen ? 'seen' : ''}`}
                          href={href('lesson', l.id)}
                        >
                          <span className="lesson-title">{l.title}</span>
                          <span className="lesson-summary">{l.summary}</span>
                          <span className="lesson-meta">
                            {l.minutes} min
                            {seen ? <span className="badge ok">✓ opened</span> : null}
                            {answered ? <span className="badge">{answered} answered</span> : null}
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
                {coming.length > 0 && (
                  <p className="coming-line">
                    <span className="badge muted">coming</span> {coming.join(' · ')}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <section className="playgrounds" aria-labelledby="pg-title">
        <h2 id="pg-title">Playgrounds</h2>
        <ul className="lesson-cards">
          {MODEL_INFOS.map((m) => (
            <li key={m.id}>
              <a className="lesson-card" href={href('play', m.id)}>
                <span className="lesson-title">{m.title}</span>
                <span className="lesson-summary">{m.summary}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
