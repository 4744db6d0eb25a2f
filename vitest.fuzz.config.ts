import { defineConfig } from 'vitest/config';
import { resolve } from './vitest.config.js';

// `pnpm fuzz`: the long property-based runs (FUZZ_RUNS cases each), kept out of `pnpm test`.
export default defineConfig({
  resolve,
  test: {
    include: ['test/fuzz/**/*.fuzz.test.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
