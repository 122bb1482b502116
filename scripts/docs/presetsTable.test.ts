import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, presetsTable } from './presetsTable';

describe("README's presets table", () => {
  it('is the one the catalog gives (npx tsx scripts/docs/presetsTable.ts prints it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start, 'README.md has the presets table').toBeGreaterThan(-1);
    expect(readme.slice(start, end + END.length)).toBe(presetsTable());
  });
});
