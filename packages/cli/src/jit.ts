// V8's optimizing compiler, tuned for how selfhelp runs: short processes (and worker threads) that each see
// thousands of articles once. TurboFan compiles on background threads, which on a 2-core machine take their
// time from the threads that lint. Measured on the 5,977-article corpus (test/bench/README.md, "Profiling"):
// - without inlining, TurboFan's compile jobs took half the time (6.6 s against 3.4 s on 2,750 articles in
//   one thread), and linting the same articles again once warm took as long as with it;
// - with 4 times V8's interrupt budget, a function is optimized later, so fewer are: a cold lint took
//   about 4% less wall time and CPU time.
import { setFlagsFromString } from 'node:v8';

/** The V8 flags set at start-up, each with the pattern of the node options that override it. */
export const JIT_FLAGS: readonly { flag: string; given: RegExp }[] = [
  { flag: '--no-turbo-inlining', given: /^--(no-)?turbo[-_]inlining$|^--max[-_]inlined/ },
  { flag: '--interrupt-budget=270336', given: /^--interrupt[-_]budget=/ },
];

/** The V8 the flags were measured with (Node 20). Another V8 has other heuristics and may not know a flag. */
export const TUNED_V8_MAJOR = 11;

/**
 * Sets JIT_FLAGS for this process (its worker threads included), except those the node command line
 * already sets (`node --turbo-inlining ...` keeps V8's inlining, to compare). Call it before anything is
 * compiled: the V8 code cache of the start-up bundle is made and used under the same flags. On another
 * V8 than the one measured, nothing is set: a flag V8 does not know would print an error on every run.
 * Returns the flags set.
 */
export function tuneJit(execArgv: readonly string[] = process.execArgv, v8Version: string = process.versions.v8): string[] {
  if (Number.parseInt(v8Version, 10) !== TUNED_V8_MAJOR) return [];
  const set = JIT_FLAGS.filter(({ given }) => !execArgv.some((arg) => given.test(arg))).map(({ flag }) => flag);
  if (set.length > 0) setFlagsFromString(set.join(' '));
  return set;
}
