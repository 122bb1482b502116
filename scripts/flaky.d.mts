export interface FlakyTest {
  project: string;
  title: string;
  error: string;
}
export function flakyTests(report: { suites?: unknown[] }): FlakyTest[];
