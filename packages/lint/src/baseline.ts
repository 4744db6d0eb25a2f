// Baseline: record today's findings so that only new ones fail, the way a legacy repository with
// hundreds of thousands of findings can switch a gate on. An entry is (file, rule, fingerprint) with a
// count, never a line number:
// - the fingerprint hashes the offending text (the reported range on its first line, whitespace
//   collapsed; the trimmed line when the range is empty), so an edit above a finding does not
//   resurface it, while the same rule firing on other text is new;
// - the count covers identical findings in one file (the same text reported twice): the first N in
//   file order are suppressed, any more are new.
// The file is sorted JSON, one fingerprint per line, so a pull request's baseline diff reads well.
import { readFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { countMessages, type LintMessage, type LintResult } from './result.js';

export const BASELINE_VERSION = 1;

/** file (root-relative, `/`) -> rule id -> fingerprint -> count. */
export type BaselineEntries = Map<string, Map<string, Map<string, number>>>;

export interface Baseline {
  version: typeof BASELINE_VERSION;
  files: BaselineEntries;
}

/** A baseline file that cannot be read or is not a baseline: one line, exit 2. */
export class BaselineError extends Error {
  override name = 'BaselineError';
  readonly userError = true;
}

/** Where the fingerprinted text comes from. A result's `output` (the text after `--fix`) wins over this. */
export type SourceLookup = ReadonlyMap<string, string> | ((filePath: string) => string | undefined);

export interface BaselineOptions {
  /** Baseline paths are relative to this directory (the repository root, normally). */
  root: string;
  /** The source of each linted file, by `LintResult.filePath`. */
  sources: SourceLookup;
  /**
   * Files renamed by the change being linted: new path -> old path (both relative to `root`, `/`).
   * A renamed file without entries of its own is matched against its old path's entries, so moving a
   * legacy article does not resurface its findings. (`GitInputPlan.renames` gives this map.)
   */
  renames?: ReadonlyMap<string, string>;
}

export function emptyBaseline(): Baseline {
  return { version: BASELINE_VERSION, files: new Map() };
}

/** The baseline key of a file: relative to `root`, with `/` separators. */
export function baselinePath(filePath: string, root: string): string {
  return path.relative(root, path.resolve(root, filePath)).split(path.sep).join('/');
}

// ---------------------------------------------------------------- fingerprints

/** Offsets where each line starts; `\r\n`, `\n` and `\r` end lines (as the parser counts them). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineText(source: string, starts: readonly number[], line: number): { start: number; end: number } {
  const l = Math.min(Math.max(line, 1), starts.length);
  const start = starts[l - 1] as number;
  let end = start;
  while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
  return { start, end };
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text a message's fingerprint is computed from (exported for tests and for `--debug` output). */
export function fingerprintText(message: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>, source: string, starts = lineStarts(source)): string {
  const { start: lineStart, end: lineEnd } = lineText(source, starts, message.line);
  // Columns count UTF-16 code units from 1; the range is cut at the end of its first line.
  const from = Math.min(lineStart + Math.max(message.column - 1, 0), lineEnd);
  const to = message.endLine > message.line ? lineEnd : Math.min(Math.max(lineStart + message.endColumn - 1, from), lineEnd);
  const ranged = normalize(source.slice(from, to));
  return ranged !== '' ? ranged : normalize(source.slice(lineStart, lineEnd));
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Messages a baseline can hold: rule findings. Fatal problems (unreadable file, time budget) always show. */
const baselinable = (m: LintMessage): m is LintMessage & { ruleId: string } => m.ruleId !== null && !m.fatal;

const byPosition = (a: LintMessage, b: LintMessage) =>
  a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;

/** Each baselinable message of a result with its fingerprint, in file order. */
function fingerprints(result: LintResult, options: BaselineOptions): { message: LintMessage & { ruleId: string }; fingerprint: string }[] {
  let source = result.output ?? lookup(options.sources, result.filePath) ?? '';
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1); // positions index the BOM-less text
  const starts = lineStarts(source);
  return result.messages
    .filter(baselinable)
    .sort(byPosition)
    .map((message) => ({ message, fingerprint: hash(fingerprintText(message, source, starts)) }));
}

function lookup(sources: SourceLookup, filePath: string): string | undefined {
  return typeof sources === 'function' ? sources(filePath) : sources.get(filePath);
}

// ---------------------------------------------------------------- create, update, apply

function entriesOf(result: LintResult, options: BaselineOptions): Map<string, Map<string, number>> {
  const rules = new Map<string, Map<string, number>>();
  for (const { message, fingerprint } of fingerprints(result, options)) {
    let prints = rules.get(message.ruleId);
    if (!prints) rules.set(message.ruleId, (prints = new Map()));
    prints.set(fingerprint, (prints.get(fingerprint) ?? 0) + 1);
  }
  return rules;
}

/** A baseline holding every rule finding of `results`. */
export function createBaseline(results: readonly LintResult[], options: BaselineOptions): Baseline {
  const baseline = emptyBaseline();
  for (const result of results) {
    const rules = entriesOf(result, options);
    if (rules.size > 0) baseline.files.set(baselinePath(result.filePath, options.root), rules);
  }
  return baseline;
}

/**
 * `--update-baseline`: the entries of every file in `results` are replaced by its current findings
 * (so fixed findings are pruned and a file without findings leaves the baseline); files not linted in
 * this run (`--staged`, `--changed-since`, a path argument) keep their entries, unless they no longer
 * exist under `root`. `results` must hold one result per linted file, clean ones included (ESLint's shape).
 */
export function updateBaseline(
  previous: Baseline,
  results: readonly LintResult[],
  options: BaselineOptions & { exists?: (rootRelativePath: string) => boolean },
): Baseline {
  const exists = options.exists ?? ((p: string) => existsSync(path.join(options.root, ...p.split('/'))));
  const fresh = createBaseline(results, options);
  const linted = new Set(results.map((r) => baselinePath(r.filePath, options.root)));
  for (const [file, rules] of previous.files) {
    if (!linted.has(file) && exists(file)) fresh.files.set(file, rules);
  }
  return fresh;
}

export interface BaselineApplied {
  /** The results without the suppressed messages, their counts recomputed. */
  results: LintResult[];
  /** Messages the baseline suppressed. */
  suppressed: number;
  /**
   * Baseline findings of the linted files that did not occur (fixed since): `--update-baseline`
   * would prune them.
   */
  unused: number;
}

/** Drops the messages recorded in the baseline; everything else is kept in its original order. */
export function applyBaseline(baseline: Baseline, results: readonly LintResult[], options: BaselineOptions): BaselineApplied {
  let suppressed = 0;
  let unused = 0;
  const out = results.map((result) => {
    const key = baselinePath(result.filePath, options.root);
    const previousName = options.renames?.get(key);
    const recorded = baseline.files.get(key) ?? (previousName === undefined ? undefined : baseline.files.get(previousName));
    if (!recorded) return result;
    const budget = new Map<string, number>(); // rule \0 fingerprint -> remaining count
    for (const [rule, prints] of recorded) for (const [fp, n] of prints) budget.set(`${rule}\0${fp}`, n);
    const dropped = new Set<LintMessage>();
    for (const { message, fingerprint } of fingerprints(result, options)) {
      const key = `${message.ruleId}\0${fingerprint}`;
      const left = budget.get(key) ?? 0;
      if (left > 0) {
        budget.set(key, left - 1);
        dropped.add(message);
      }
    }
    for (const left of budget.values()) unused += left;
    if (dropped.size === 0) return result;
    suppressed += dropped.size;
    const kept = result.messages.filter((m) => !dropped.has(m));
    return { ...countMessages(result.filePath, kept, result.output), ...extras(result) };
  });
  return { results: out, suppressed, unused };
}

/** Fields a result may carry beyond the ESLint counts (kept as they are). */
function extras(result: LintResult): Partial<LintResult> {
  const { filePath: _f, messages: _m, errorCount: _e, warningCount: _w, fixableErrorCount: _fe, fixableWarningCount: _fw, output: _o, ...rest } = result;
  return rest;
}

/** Total findings recorded. */
export function baselineSize(baseline: Baseline): number {
  let n = 0;
  for (const rules of baseline.files.values()) for (const prints of rules.values()) for (const c of prints.values()) n += c;
  return n;
}

// ---------------------------------------------------------------- file format

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The file text: keys sorted by code unit at every level, two-space indentation, one fingerprint per
 * line, a trailing newline. Written by hand, not with JSON.stringify on objects, because objects put
 * integer-like keys (a file named `2024`, an all-digit fingerprint) first.
 */
export function serializeBaseline(baseline: Baseline): string {
  const q = JSON.stringify;
  const files = [...baseline.files.entries()].filter(([, rules]) => rules.size > 0).sort(([a], [b]) => byCodeUnit(a, b));
  if (files.length === 0) return `{\n  "version": ${BASELINE_VERSION},\n  "files": {}\n}\n`;
  const fileBlocks = files.map(([file, rules]) => {
    const ruleBlocks = [...rules.entries()]
      .filter(([, prints]) => prints.size > 0)
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([rule, prints]) => {
        const lines = [...prints.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([fp, n]) => `        ${q(fp)}: ${n}`);
        return `      ${q(rule)}: {\n${lines.join(',\n')}\n      }`;
      });
    return `    ${q(file)}: {\n${ruleBlocks.join(',\n')}\n    }`;
  });
  return `{\n  "version": ${BASELINE_VERSION},\n  "files": {\n${fileBlocks.join(',\n')}\n  }\n}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a baseline file's text; `file` names it in error messages. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file}: not a valid baseline file (${(error as Error).message})`);
  }
  const bad = (what: string) => new BaselineError(`${file}: not a valid baseline file (${what})`);
  if (!isObject(data)) throw bad('expected a JSON object');
  if (data.version !== BASELINE_VERSION) throw bad(`unsupported version ${JSON.stringify(data.version)}, expected ${BASELINE_VERSION}`);
  if (!isObject(data.files)) throw bad('"files" must be an object');
  const files: BaselineEntries = new Map();
  for (const [name, rules] of Object.entries(data.files)) {
    if (!isObject(rules)) throw bad(`"files.${name}" must be an object`);
    const ruleMap = new Map<string, Map<string, number>>();
    for (const [rule, prints] of Object.entries(rules)) {
      if (!isObject(prints)) throw bad(`"files.${name}.${rule}" must be an object`);
      const printMap = new Map<string, number>();
      for (const [fp, count] of Object.entries(prints)) {
        if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) throw bad(`count of "${fp}" in "files.${name}.${rule}" must be a positive integer`);
        printMap.set(fp, count);
      }
      ruleMap.set(rule, printMap);
    }
    files.set(name, ruleMap);
  }
  return { version: BASELINE_VERSION, files };
}

/**
 * Reads a baseline file. A missing file is an error (a typo in `--baseline` must not silently let every
 * finding through) unless `allowMissing` (for `--update-baseline`, which creates it): then it is empty.
 */
export async function loadBaseline(file: string, options: { allowMissing?: boolean } = {}): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.allowMissing) return emptyBaseline();
      throw new BaselineError(`baseline file not found: ${file} (create it with --update-baseline)`);
    }
    throw new BaselineError(`cannot read baseline file ${file}: ${(error as Error).message}`);
  }
  return parseBaseline(text, file);
}

/** Writes the baseline atomically (temporary file in the same directory, then rename), creating the directory. */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomic(path.resolve(file), serializeBaseline(baseline));
}

// ---------------------------------------------------------------- the CLI step

/** `--update-baseline` without `--baseline FILE` writes this file (in the repository root, or cwd outside git). */
export const DEFAULT_BASELINE_FILE = 'selfhelp-baseline.json';

export interface BaselineStepOptions extends BaselineOptions {
  /** The baseline file (absolute, or relative to `root`). */
  file: string;
  /** `--update-baseline`: rewrite the file from this run's findings first. */
  update: boolean;
}

export interface BaselineStepResult extends BaselineApplied {
  /** One line for stderr: what the baseline did (suppressed N, or wrote N findings). */
  summary: string;
}

/**
 * `--baseline FILE` / `--update-baseline` in one call: loads the baseline (missing file: an error, unless
 * updating), on update rewrites it from `results` (keeping entries of files this run did not lint) and
 * writes it atomically, then filters `results` through it.
 */
export async function runBaseline(results: readonly LintResult[], options: BaselineStepOptions): Promise<BaselineStepResult> {
  const file = path.resolve(options.root, options.file);
  let baseline = await loadBaseline(file, { allowMissing: options.update });
  if (options.update) {
    baseline = updateBaseline(baseline, results, options);
    await writeBaseline(file, baseline);
  }
  const applied = applyBaseline(baseline, results, options);
  const shown = path.relative(process.cwd(), file) || file;
  const summary = options.update
    ? `selfhelp: wrote ${baselineSize(baseline)} finding${baselineSize(baseline) === 1 ? '' : 's'} to the baseline ${shown}`
    : `selfhelp: ${applied.suppressed} finding${applied.suppressed === 1 ? '' : 's'} suppressed by the baseline ${shown}` +
      (applied.unused > 0 ? ` (${applied.unused} no longer found: run with --update-baseline to prune them)` : '');
  return { ...applied, summary };
}
