import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `pnpm fuzz`: the long property-based runs (FUZZ_RUNS cases each), kept out of `pnpm test`.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/fuzz/**/*.fuzz.test.ts'],
      exclude: ['**/node_modules/**'],
      testTimeout: 3_600_000,
    },
  }),
);
