// The start-up bundle: packages/cli/dist/startup.cjs, one CommonJS script holding the code of the commands
// whose start-up time matters (lint, parse, rules, hook) with the packages they load. Its entry
// (packages/cli/src/startup-entry.ts) exports the CLI's main and lint's lintBatch, which the worker
// threads of `selfhelp lint` take from the same bundle (packages/cli/src/worker.ts). Node 20 keeps no
// compiled code between runs for ES modules; for a script it does, through V8's code cache, which the
// launcher (packages/cli/src/launch.ts) keeps per command. A `--staged` run then compiles almost nothing.
//
// The bundle is the same files compiled once, so every file keeps its own location:
// - `import.meta.url` of each ES module becomes that file's own URL, `__dirname` and `__filename` of each
//   CommonJS module its own path: worker files, package.json, generated validators and lazily required
//   packages are found where they are, beside the bundle's inputs;
// - `links` and `build` (undici, the catalog's HTML renderer) and the HTTP checker stay ES modules, loaded
//   through the launcher's import when a run needs them, as are plugin modules named in a config;
// - startup.json lists every input with its size and mtime: the launcher runs the bundle only while all
//   of them are unchanged (after a `tsc -b` without this step, or in another install layout, it runs the
//   ES modules instead).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isBuiltin } from 'node:module';
import { build } from 'esbuild';

/** Dynamic imports left to the launcher, per dist file (its path from the repository root): the exact text, found once each. */
const LEFT_TO_LAUNCHER = {
  'packages/cli/dist/main.js': [`import('./commands/links.js')`, `import('./commands/build.js')`],
  'packages/links/dist/index.js': [`import("./checker/index.js")`],
  'packages/lint/dist/config/load.js': ['import(url)'],
};
// core loads GFM with a top-level await where Node cannot require an ES module (Node 20); CommonJS has no
// top-level await, and a bundle can import it statically.
const CORE_GFM = { file: 'packages/core/dist/index.js', from: 'canRequireEsm ? void 0 : gfmExtensions(await import("./vendor/gfm.js"))', to: 'gfmExtensions(__startupGfm)', head: 'import * as __startupGfm from "./vendor/gfm.js";\n' };

const posix = (p) => p.split(sep).join('/');

export async function buildStartupBundle(root) {
  const outDir = join(root, 'packages/cli/dist');
  const outfile = join(outDir, 'startup.cjs');
  const fromOut = (file) => JSON.stringify(posix(relative(outDir, file)));
  const problems = [];
  const types = new Map();
  const seen = new Set();

  const locations = {
    name: 'own-locations',
    setup(b) {
      b.onLoad({ filter: /\.(c|m)?js$/ }, (args) => {
        const rel = posix(relative(root, args.path));
        let text = readFileSync(args.path, 'utf8');
        const calls = LEFT_TO_LAUNCHER[rel];
        if (calls) {
          seen.add(rel);
          for (const call of calls) {
            const at = text.split(call).length - 1;
            if (at !== 1) problems.push(`${rel}: expected one \`${call}\`, found ${at}`);
            text = text.replace(call, `__startupImport(${call.slice('import('.length, -1)}, import.meta.url)`);
          }
        }
        if (rel === CORE_GFM.file) {
          if (!text.includes(CORE_GFM.from)) problems.push(`${rel}: the GFM top-level await changed; update scripts/startup-bundle.mjs`);
          text = CORE_GFM.head + text.replace(CORE_GFM.from, CORE_GFM.to);
        }
        if (isModuleFile(args.path, types)) {
          text = text.replaceAll('import.meta.url', `__startupFileUrl(${fromOut(args.path)})`);
          if (text.includes('import.meta')) problems.push(`${rel}: uses import.meta beyond import.meta.url`);
        } else {
          // A CommonJS module: its own __dirname and __filename, and no resolution from the bundle's place.
          if (/\brequire\.resolve\b|\brequire\(\s*[^'"\s)]/.test(text)) problems.push(`${rel}: resolves or requires modules at run time`);
          text = `var __filename = __startupPath(${fromOut(args.path)}), __dirname = __startupPath(${fromOut(dirname(args.path))});\n${text}`;
        }
        return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };

  const result = await build({
    entryPoints: [join(outDir, 'startup-entry.js')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // No comments: the file is ASCII (esbuild escapes the rest), so the launcher reads it as one-byte text.
    minifyWhitespace: true,
    legalComments: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [locations],
  });
  for (const file of Object.keys(LEFT_TO_LAUNCHER)) if (!seen.has(file)) problems.push(`${file}: not in the bundle any more; update LEFT_TO_LAUNCHER`);
  for (const w of result.warnings) problems.push(`esbuild: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ''}`);
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    for (const i of meta.imports) if (i.external && !isBuiltin(i.path)) problems.push(`${out}: external ${i.kind} "${i.path}"`);
  }
  const code = result.outputFiles.find((f) => f.path === outfile);
  if (!code) problems.push('esbuild wrote no startup.cjs');
  else if (/[^\x00-\x7f]/.test(code.text)) problems.push('startup.cjs is not ASCII');
  if (problems.length > 0) throw new Error(`start-up bundle:\n  ${problems.join('\n  ')}`);

  // Written beside, then renamed: a run never reads half a bundle, and the manifest last.
  for (const f of result.outputFiles) writeAtomic(f.path, f.contents);
  const bundleStat = statSync(outfile);
  const inputs = Object.keys(result.metafile.inputs).map((p) => {
    const abs = join(root, p);
    const s = statSync(abs);
    return [posix(relative(outDir, abs)), s.size, s.mtimeMs];
  });
  const manifest = {
    format: 1,
    hash: createHash('sha256').update(code.contents).digest('base64url').slice(0, 16),
    bundle: [bundleStat.size, bundleStat.mtimeMs],
    inputs,
  };
  writeAtomic(join(outDir, 'startup.json'), JSON.stringify(manifest));
  return { bytes: code.contents.length, inputs: inputs.length };
}

/** Node's rule: .mjs and .cjs say so; a .js file is an ES module when its nearest package.json says "type": "module". */
function isModuleFile(file, types) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    let type = types.get(dir);
    if (type === undefined) {
      try {
        type = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type ?? 'commonjs';
      } catch {
        type = dirname(dir) === dir ? 'commonjs' : null;
      }
      types.set(dir, type);
    }
    if (type !== null) return type === 'module';
  }
}

function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
