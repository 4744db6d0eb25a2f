// V8's optimizing compiler, tuned for how selfhelp runs: short processes (and worker threads) that each
// see thousands of articles once. Optimizing the parser's and the rules' hot functions with inlining costs
// more compile time than the inlined code saves in such a run: on 2,750 articles in one thread, TurboFan
// spent 6.6 s compiling with inlining and 3.4 s without, with the same speed once warm (test/bench/README.md).
import { setFlagsFromString } from 'node:v8';

/** The V8 flag set at start-up. */
export const JIT_FLAG = '--no-turbo-inlining';

/**
 * Sets JIT_FLAG for this process (its worker threads included), unless the command line already says
 * something about inlining (`node --turbo-inlining ...` keeps V8's default, to compare). Call it before
 * anything is compiled: the V8 code cache of the start-up bundle is made and used under the same flags.
 */
export function tuneJit(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--(no-)?turbo[-_]inlining$|^--max[-_]inlined/.test(arg))) return false;
  setFlagsFromString(JIT_FLAG);
  return true;
}
