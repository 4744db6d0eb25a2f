// The last step of `pnpm run build`, after `tsc -b`: fewer, larger modules. Node loads ES modules one by
// one (resolve, read, compile each); a `--staged` run or a worker thread that loads ~300 small modules
// spends more time on that than on linting five files. So:
// - core's third-party parser modules (packages/core/src/vendor: remark-parse, unified, GFM; ~150 modules)
//   become one bundle per entry plus shared chunks;
// - the entry of core, schema, links and rules (src/index.ts) becomes one module holding that package's
//   own code (~110 modules). Other packages stay imports; so do the files a package finds beside itself
//   at run time (core's vendor bundles, schema's generated validators, the HTTP checker links loads on demand).
// lint, catalog and cli are not bundled: they locate their worker files and package.json through
// import.meta.url. Bundles are built from the TypeScript sources, never from dist, so an incremental
// `tsc -b` that re-emits some files cannot leave a stale bundle behind.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', allowOverwrite: true, logLevel: 'warning' };

const vendorSrc = join(root, 'packages/core/src/vendor');
const vendorOut = join(root, 'packages/core/dist/vendor');
// Chunks of an earlier build, and tsc's source maps of the files replaced here.
for (const f of readdirSync(vendorOut, { withFileTypes: true })) {
  if (f.isFile() && (f.name.startsWith('chunk-') || f.name.endsWith('.js.map'))) rmSync(join(vendorOut, f.name));
}
await build({
  ...common,
  entryPoints: readdirSync(vendorSrc).filter((f) => f.endsWith('.ts')).map((f) => join(vendorSrc, f)),
  outdir: vendorOut,
  splitting: true,
});

const entries = [
  { dir: 'packages/core', external: ['./vendor/*'] },
  { dir: 'packages/schema', external: ['../generated/*'] },
  { dir: 'packages/links', external: ['./checker/index.js'] },
  { dir: 'rules', external: [] },
];
await Promise.all(
  entries.map(({ dir, external }) =>
    build({
      ...common,
      entryPoints: [join(root, dir, 'src/index.ts')],
      outfile: join(root, dir, 'dist/index.js'),
      tsconfig: join(root, dir, 'tsconfig.json'),
      packages: 'external',
      external,
      sourcemap: 'linked',
    }),
  ),
);

// The CommonJS start-up bundle of the CLI, from the dist files above (scripts/startup-bundle.mjs).
const { buildStartupBundle } = await import('./startup-bundle.mjs');
await buildStartupBundle(root);
