import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Long property runs (`npm run test:long`) need more than the default 5 s.
    testTimeout: process.env.DSP_LONG ? 600_000 : 60_000,
  },
});
