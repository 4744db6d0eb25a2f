// V8's optimizing compiler, tuned for how selfhelp runs: short processes (and worker threads) that each see
// thousands of articles once. TurboFan compiles on background threads, which on a 2-core machine take their
// time from the threads that lint. Measured on the 5,977-article corpus (test/bench/README.md, "Profiling"):
// - without inlining, TurboFan's compile jobs took half the time (6.6 s against 3.4 s on 2,750 articles in
//   one thread), and linting the same articles again once warm took as long as with it;
// - with 4 times V8's interrupt budget, a function is optimized later, so fewer are: a cold lint took
//   about 4% less wall time and CPU time.
// - A flag set at run time changes the flag hash that Node's built-in modules' code cache was made under: a
//   built-in loaded afterwards is compiled from its source. The built-ins a command loads are loaded first
//   (BUILTINS): crypto, child_process, fs/promises and util's parseArgs took 6 ms before the flags, 16 after.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

/** The V8 flags set at start-up, each with the pattern of the node options that override it. */
export const JIT_FLAGS: readonly { flag: string; given: RegExp }[] = [
  { flag: '--no-turbo-inlining', given: /^--(no-)?turbo[-_]inlining$|^--max[-_]inlined/ },
  { flag: '--interrupt-budget=270336', given: /^--interrupt[-_]budget=/ },
];

/** The V8 the flags were measured with (Node 20). Another V8 has other heuristics and may not know a flag. */
export const TUNED_V8_MAJOR = 11;

const LINT_BUILTINS = ['crypto', 'child_process', 'fs/promises', 'perf_hooks'];

/** The built-in modules each command loads (seen in `process.moduleLoadList`), besides util's parseArgs. */
export const BUILTINS: Readonly<Record<string, readonly string[]>> = {
  lint: LINT_BUILTINS, // lint's entry imports its git helpers, hence child_process for rules and hook too
  rules: LINT_BUILTINS,
  hook: LINT_BUILTINS,
  parse: ['crypto', 'fs/promises', 'perf_hooks'],
  build: ['crypto', 'perf_hooks'],
  links: ['crypto', 'fs/promises', 'perf_hooks'],
};

/** Loads the built-in modules of `command` (BUILTINS) and util's parseArgs; returns their names, none for another command. */
export function loadBuiltins(command: string | undefined): string[] {
  const names = command !== undefined && Object.hasOwn(BUILTINS, command) ? [...BUILTINS[command]!] : [];
  if (names.length === 0) return names;
  const require = createRequire(import.meta.url);
  for (const name of names) require(`node:${name}`);
  void (require('node:util') as typeof import('node:util')).parseArgs; // a getter that loads the module
  return [...names, 'util.parseArgs'];
}

/**
 * Sets JIT_FLAGS for this process (its worker threads included), except those the node command line
 * already sets (`node --turbo-inlining ...` keeps V8's inlining, to compare). Call it before anything is
 * compiled: the V8 code cache of the start-up bundle is made and used under the same flags. On another
 * V8 than the one measured, nothing is set: a flag V8 does not know would print an error on every run.
 * `beforeSet` runs just before the flags are set, when some are (see loadBuiltins). Returns the flags set.
 */
export function tuneJit(execArgv: readonly string[] = process.execArgv, v8Version: string = process.versions.v8, beforeSet?: () => void): string[] {
  if (Number.parseInt(v8Version, 10) !== TUNED_V8_MAJOR) return [];
  const set = JIT_FLAGS.filter(({ given }) => !execArgv.some((arg) => given.test(arg))).map(({ flag }) => flag);
  if (set.length > 0) {
    beforeSet?.();
    setFlagsFromString(set.join(' '));
  }
  return set;
}
