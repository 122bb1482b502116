// Reads a Playwright JSON report for the tests that failed and then passed on a retry.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * Tests whose final status is flaky, with their project, title path and the first line of the
 * first try's error.
 * @param {{ suites?: unknown[] }} report
 * @returns {{ project: string, title: string, error: string }[]}
 */
export function flakyTests(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'flaky') {
          const first = (t.results?.[0]?.error?.message ?? 'failed').replace(ANSI, '');
          out.push({
            project: t.projectName,
            title: [...path, spec.title].join(' › '),
            error: first.split('\n')[0].slice(0, 120),
          });
        }
    for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
  };
  for (const s of report.suites ?? []) walk(s, [s.title]);
  return out;
}
