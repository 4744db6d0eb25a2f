import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests import the packages' TypeScript sources directly, so a change is testable without a build;
// end-to-end tests spawn the built `selfhelp` binary (`pnpm test` builds first).
export const resolve = {
  alias: {
    '@selfhelp/core': here('./packages/core/src/index.ts'),
    '@selfhelp/schema': here('./packages/schema/src/index.ts'),
    '@selfhelp/rules': here('./rules/src/index.ts'),
    // Before '@selfhelp/lint', whose alias would otherwise take this specifier as a path under it.
    '@selfhelp/lint/worker': here('./packages/lint/src/engine/worker.ts'),
    '@selfhelp/lint': here('./packages/lint/src/index.ts'),
    '@selfhelp/links': here('./packages/links/src/index.ts'),
    '@selfhelp/catalog': here('./packages/catalog/src/index.ts'),
    '@selfhelp/cli': here('./packages/cli/src/index.ts'),
  },
};

export default defineConfig({
  resolve,
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**', 'test/fuzz/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
