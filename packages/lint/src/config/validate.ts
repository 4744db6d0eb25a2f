// Hand-written checks of selfhelp.config.json, mirroring schemas/config.schema.json (a test keeps the two
// in step), so a mistake gives one precise line instead of a list of JSON Schema keywords.
import { ConfigError } from '../errors.js';

export type SeverityName = 'error' | 'warning' | 'off';
export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, unknown];

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules: Record<string, RuleSetting>;
}

/** The contents of selfhelp.config.json. */
export interface SelfhelpConfig {
  $schema?: string;
  extends?: 'recommended' | 'strict' | 'none';
  root?: string;
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  ignores?: string[];
  gitignore?: boolean;
  plugins?: string[];
  maxFileSize?: number;
  timeBudget?: number;
  /** `selfhelp links` settings; checked by that command, carried through here. */
  links?: Record<string, unknown>;
}

const TOP_KEYS = ['$schema', 'extends', 'root', 'rules', 'overrides', 'ignores', 'gitignore', 'plugins', 'maxFileSize', 'timeBudget', 'links'];
const SEVERITIES = ['error', 'warning', 'off'];
const SEVERITY_ALIASES: Record<string, string> = { warn: 'warning', err: 'error', '0': 'off', '1': 'warning', '2': 'error', none: 'off' };
const RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest candidate within a small distance, for "did you mean". */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function checkSeverity(value: unknown, where: string): void {
  if (typeof value === 'string' && SEVERITIES.includes(value)) return;
  const alias = SEVERITY_ALIASES[String(value)];
  throw new ConfigError(`${where}: expected "error", "warning" or "off", got ${describe(value)}${alias ? ` (did you mean "${alias}"?)` : ''}`);
}

function checkRules(value: unknown, where: string): void {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: expected an object of rule id to severity, got ${describe(value)}`);
  for (const [id, setting] of Object.entries(value)) {
    if (!RULE_ID.test(id)) throw new ConfigError(`${where}: "${id}" is not a rule id (kebab-case, e.g. "h1-first")`);
    const at = `${where}.${id}`;
    if (Array.isArray(setting)) {
      if (setting.length < 1 || setting.length > 2) throw new ConfigError(`${at}: expected [severity] or [severity, options], got an array of ${setting.length}`);
      checkSeverity(setting[0], `${at}[0]`);
    } else {
      if (typeof setting !== 'string' && !isPlainObject(setting)) checkSeverity(setting, at);
      else if (typeof setting === 'string') checkSeverity(setting, at);
      else throw new ConfigError(`${at}: expected a severity ("error", "warning", "off") or [severity, options], got an object`);
    }
  }
}

function checkGlobs(value: unknown, where: string): void {
  if (typeof value === 'string' && value.length > 0) return;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0)) return;
  throw new ConfigError(`${where}: expected a glob or a non-empty array of globs, got ${describe(value)}`);
}

function checkStringArray(value: unknown, where: string): void {
  if (!Array.isArray(value)) throw new ConfigError(`${where}: expected an array of strings, got ${describe(value)}`);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.length === 0) throw new ConfigError(`${where}[${i}]: expected a non-empty string, got ${describe(v)}`);
  });
}

/** Checks the parsed JSON of a config file; throws a ConfigError naming the first problem. */
export function validateConfig(value: unknown): SelfhelpConfig {
  if (!isPlainObject(value)) throw new ConfigError(`expected a JSON object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.includes(key)) {
      const hint = closest(key, TOP_KEYS);
      throw new ConfigError(`unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${TOP_KEYS.slice(1).join(', ')}`);
    }
  }
  if (value.$schema !== undefined && typeof value.$schema !== 'string') throw new ConfigError(`$schema: expected a string, got ${describe(value.$schema)}`);
  if (value.extends !== undefined && !['recommended', 'strict', 'none'].includes(value.extends as string)) {
    throw new ConfigError(`extends: expected "recommended", "strict" or "none", got ${describe(value.extends)}`);
  }
  if (value.root !== undefined && (typeof value.root !== 'string' || value.root.length === 0)) {
    throw new ConfigError(`root: expected a folder path relative to the config file, got ${describe(value.root)}`);
  }
  if (value.rules !== undefined) checkRules(value.rules, 'rules');
  if (value.overrides !== undefined) {
    if (!Array.isArray(value.overrides)) throw new ConfigError(`overrides: expected an array, got ${describe(value.overrides)}`);
    value.overrides.forEach((o: unknown, i: number) => {
      const at = `overrides[${i}]`;
      if (!isPlainObject(o)) throw new ConfigError(`${at}: expected an object with "files" and "rules", got ${describe(o)}`);
      for (const key of Object.keys(o)) {
        if (!['files', 'excludedFiles', 'rules'].includes(key)) throw new ConfigError(`${at}: unknown key "${key}"; allowed: files, excludedFiles, rules`);
      }
      if (o.files === undefined) throw new ConfigError(`${at}: "files" is required`);
      checkGlobs(o.files, `${at}.files`);
      if (o.excludedFiles !== undefined) checkGlobs(o.excludedFiles, `${at}.excludedFiles`);
      if (o.rules === undefined) throw new ConfigError(`${at}: "rules" is required`);
      checkRules(o.rules, `${at}.rules`);
    });
  }
  if (value.ignores !== undefined) checkStringArray(value.ignores, 'ignores');
  if (value.plugins !== undefined) checkStringArray(value.plugins, 'plugins');
  if (value.gitignore !== undefined && typeof value.gitignore !== 'boolean') throw new ConfigError(`gitignore: expected true or false, got ${describe(value.gitignore)}`);
  if (value.maxFileSize !== undefined && !(Number.isInteger(value.maxFileSize) && (value.maxFileSize as number) >= 1)) {
    throw new ConfigError(`maxFileSize: expected a positive whole number of bytes, got ${describe(value.maxFileSize)}`);
  }
  if (value.links !== undefined && (typeof value.links !== 'object' || value.links === null || Array.isArray(value.links))) {
    throw new ConfigError(`links: expected an object of link-checker settings, got ${describe(value.links)}`);
  }
  if (value.timeBudget !== undefined && !(Number.isInteger(value.timeBudget) && (value.timeBudget as number) >= 1)) {
    throw new ConfigError(`timeBudget: expected a positive whole number of milliseconds, got ${describe(value.timeBudget)}`);
  }
  return value as SelfhelpConfig;
}
