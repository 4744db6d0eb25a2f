// jit.ts: the V8 flags the binary sets at start-up. Their effect is checked in a child process through V8's
// own trace of what TurboFan inlines: nothing once they are set; a small function as usual when the command
// line already named an inlining flag (that flag is then left as given).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { BUILTINS, JIT_FLAGS, TUNED_V8_MAJOR, loadBuiltins, tuneJit } from '../src/jit.js';

const work = mkdtempSync(join(tmpdir(), 'selfhelp-jit-'));
// The flags are set on the V8 they were measured with; on another, the child-process tests have nothing to see.
const tunedHere = Number.parseInt(process.versions.v8, 10) === TUNED_V8_MAJOR;
if (!tunedHere) console.log(`jit.test.ts: V8 ${process.versions.v8} is not V8 ${TUNED_V8_MAJOR}: the tests of the flags' effect are skipped`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
/** Has TurboFan optimize `f`, which calls the small function `add` (V8 natives syntax). */
const OPTIMIZE = [
  'function add(a, b) { return a + b; }',
  'function f(x) { return add(x, 1); }',
  '%PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3);',
].join('\n');

function run(script: string, extraFlags: string[]): string {
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-lazy-feedback-allocation', '--trace-turbo-inlining', ...extraFlags, script], { encoding: 'utf8' });
  expect(child.status).toBe(0);
  expect(child.stderr).toBe(''); // V8 names any flag it does not know here
  return child.stdout;
}

/** Runs a script that tunes the JIT, then optimizes `f`: its first line, and V8's trace after it. */
function traceInlining(extraFlags: string[]): { tuned: string; trace: string } {
  const script = join(work, 'inline.mjs');
  writeFileSync(script, `import { tuneJit } from ${JSON.stringify(pathToFileURL(join(dist, 'jit.js')).href)};\nprocess.stdout.write(\`tuned \${tuneJit().join(' ')}\\n\`);\n${OPTIMIZE}\n`);
  const [tuned = '', ...trace] = run(script, extraFlags).split('\n');
  return { tuned, trace: trace.join('\n') };
}

describe('tuneJit', () => {
  test.runIf(tunedHere)('sets the flags: V8 knows them, and TurboFan inlines nothing', () => {
    const { tuned, trace } = traceInlining([]);
    expect(tuned).toBe('tuned --no-turbo-inlining --interrupt-budget=270336');
    expect(trace).not.toMatch(/Inlining .*add/);
  });

  test.runIf(tunedHere)('leaves an inlining flag given on the command line alone', () => {
    const { tuned, trace } = traceInlining(['--turbo-inlining']);
    expect(tuned).toBe('tuned --interrupt-budget=270336');
    expect(trace).toMatch(/Inlining 0x[0-9a-f]+ \{0x[0-9a-f]+ <SharedFunctionInfo add>\} into/);
  });

  test.runIf(tunedHere)('the launcher sets them before the command runs', () => {
    // A dist folder whose main.js optimizes `f`; the launcher runs it as the ES modules (no bundle there).
    const fake = join(work, 'dist');
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, 'main.js'), `export async function main() {\n${OPTIMIZE}\nreturn 0;\n}\n`);
    const script = join(work, 'launch.mjs');
    writeFileSync(script, `import { launch } from ${JSON.stringify(pathToFileURL(join(dist, 'launch.js')).href)};\nprocess.exitCode = await launch(['lint'], { dist: ${JSON.stringify(fake)} });\n`);
    expect(run(script, [])).not.toMatch(/Inlining/);
    expect(run(script, ['--turbo-inlining'])).toMatch(/Inlining 0x[0-9a-f]+ \{0x[0-9a-f]+ <SharedFunctionInfo add>\} into/);
  });

  test.runIf(tunedHere)('leaves each flag the command line gives (both spellings), and only that one', () => {
    expect(JIT_FLAGS.map((f) => f.flag)).toEqual(['--no-turbo-inlining', '--interrupt-budget=270336']);
    for (const arg of ['--turbo-inlining', '--no-turbo-inlining', '--turbo_inlining', '--max-inlined-bytecode-size=100', '--max_inlined_bytecode_size_cumulative=300']) {
      expect(tuneJit([arg])).toEqual(['--interrupt-budget=270336']);
    }
    expect(tuneJit(['--interrupt-budget=67584'])).toEqual(['--no-turbo-inlining']);
    expect(tuneJit(['--interrupt_budget=1000', '--turbo-inlining'])).toEqual([]);
    expect(tuneJit(['--trace-turbo-inlining', '--max-old-space-size=512'])).toEqual(['--no-turbo-inlining', '--interrupt-budget=270336']);
  });

  test('calls beforeSet just before it sets flags, and only when it sets some', () => {
    const calls: string[] = [];
    expect(tuneJit(['--interrupt-budget=1', '--turbo-inlining'], '11.3.244.8-node.38', () => calls.push('none to set'))).toEqual([]);
    expect(tuneJit([], '12.4.254.21-node.33', () => calls.push('other V8'))).toEqual([]);
    expect(calls).toEqual([]);
    expect(tuneJit(['--turbo-inlining'], '11.3.244.8-node.38', () => calls.push('set'))).toEqual(['--interrupt-budget=270336']);
    expect(calls).toEqual(['set']);
  });

  test('sets nothing on another V8 than the one measured (Node 20: V8 11)', () => {
    expect(tuneJit([], '11.3.244.8-node.38')).toEqual(['--no-turbo-inlining', '--interrupt-budget=270336']);
    expect(tuneJit([], '12.4.254.21-node.33')).toEqual([]);
    expect(tuneJit([], '10.2.154.26-node.26')).toEqual([]);
  });
});

describe('loadBuiltins', () => {
  test('loads the built-in modules of a command, none for usage or an unknown command', () => {
    expect(loadBuiltins('parse')).toEqual(['crypto', 'fs/promises', 'perf_hooks', 'util.parseArgs']);
    expect(loadBuiltins('lint')).toEqual([...BUILTINS.lint!, 'util.parseArgs']);
    expect(loadBuiltins(undefined)).toEqual([]);
    expect(loadBuiltins('--version')).toEqual([]);
    expect(loadBuiltins('toString')).toEqual([]); // not an own key of the table
  });

  // A run-time V8 flag changes the flag hash of Node's built-in code cache: a built-in loaded after the flags is
  // compiled from its source. The binary loads the ones its command needs first; a spy on setFlagsFromString
  // notes how many modules were loaded when the flags came.
  test.runIf(tunedHere)('the binary loads its command\'s built-ins before it sets the flags', () => {
    const spy = join(work, 'spy.cjs');
    writeFileSync(
      spy,
      `const v8 = require('node:v8'); const set = v8.setFlagsFromString; let at;
v8.setFlagsFromString = (flags) => { at ??= process.moduleLoadList.length; set(flags); };
require('node:module').syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('AFTER ' + JSON.stringify(at === undefined ? null : process.moduleLoadList.slice(at).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));
`,
    );
    const tree = join(work, 'tree');
    mkdirSync(tree, { recursive: true });
    writeFileSync(join(tree, 'note.md'), '---\ntitle: A note\n---\n\n# A note\n\nText.\n');
    const bin = fileURLToPath(new URL('../bin/selfhelp.js', import.meta.url));
    const loadedAfter = (args: string[]): string[] => {
      const child = spawnSync(process.execPath, ['-r', spy, bin, ...args], { cwd: tree, encoding: 'utf8', env: { ...process.env, SELFHELP_COMPILE_CACHE: join(work, 'cc') } });
      const line = child.stderr.split('\n').find((l) => l.startsWith('AFTER '));
      expect(line, child.stderr).toBeDefined();
      const after = JSON.parse(line!.slice(6)) as string[] | null;
      expect(after).not.toBeNull(); // the flags were set
      return after!;
    };
    const watched = ['crypto', 'child_process', 'fs/promises', 'perf_hooks', 'internal/util/parse_args/parse_args', 'internal/crypto/hash'];
    for (const args of [['parse', 'note.md'], ['lint', 'note.md', '--no-cache']]) {
      const after = loadedAfter(args);
      expect(after.filter((m) => watched.includes(m)), args.join(' ')).toEqual([]);
    }
  });
});
