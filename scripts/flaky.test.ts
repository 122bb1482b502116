import { describe, expect, it } from 'vitest';
import { flakyTests } from './flaky.mjs';

// The shape of Playwright's JSON report (1.65), trimmed to the fields read.
const report = {
  suites: [
    {
      title: 'perf.spec.ts',
      specs: [
        {
          title: 'no long task',
          tests: [
            {
              projectName: 'perf',
              status: 'flaky',
              results: [
                {
                  status: 'failed',
                  error: { message: '\u001b[2mexpect(\u001b[22mreceived)\nmore' },
                },
                { status: 'passed' },
              ],
            },
          ],
        },
        { title: 'steady', tests: [{ projectName: 'perf', status: 'expected', results: [] }] },
      ],
      suites: [
        {
          title: 'nested',
          specs: [
            {
              title: 'a main test',
              tests: [{ projectName: 'main', status: 'flaky', results: [{ status: 'failed' }] }],
            },
          ],
        },
      ],
    },
  ],
};

describe('flakyTests', () => {
  it('finds flaky tests at any depth, with project, title path and the first error line', () => {
    expect(flakyTests(report)).toEqual([
      { project: 'perf', title: 'perf.spec.ts › no long task', error: 'expect(received)' },
      { project: 'main', title: 'perf.spec.ts › nested › a main test', error: 'failed' },
    ]);
    expect(flakyTests({})).toEqual([]);
  });
});
