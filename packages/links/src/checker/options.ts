// Checker option defaults, validation of user-supplied values (config file and flags), and the
// accepted-status matcher.
import type { CheckerOptions, RemapRule } from './types.js';
import { buildAllowList } from './guard.js';

export const CHECKER_VERSION = '0.1.0';
export const DEFAULT_USER_AGENT = `selfhelp-links/${CHECKER_VERSION} (+https://github.com/selfhelp/selfhelp)`;

export const DEFAULT_OPTIONS: CheckerOptions = {
  concurrency: 32,
  perHostConcurrency: 8,
  perHostInterval: 0,
  timeout: 15_000,
  retries: 2,
  retryDelay: 1_000,
  maxRetryDelay: 60_000,
  maxRedirects: 10,
  accept: ['200-299'],
  getOnlyHosts: [],
  exclude: [],
  remap: [],
  cache: false,
  maxAge: 86_400,
  offline: false,
  allowPrivate: false,
  allowAddresses: [],
  userAgent: DEFAULT_USER_AGENT,
};

/** A mistake in the checker's options: one line for the user. */
export class OptionsError extends Error {
  override name = 'OptionsError';
}

/** Turns `[200, "200-299", "429"]` into a predicate; throws OptionsError on a malformed entry. */
export function acceptMatcher(accept: readonly (number | string)[]): (status: number) => boolean {
  const ranges: [number, number][] = [];
  for (const entry of accept) {
    const text = String(entry).trim();
    const m = /^(\d{3})(?:\s*(?:-|\.\.)\s*(\d{3}))?$/.exec(text);
    if (!m) throw new OptionsError(`invalid accepted status "${text}": use a code (200) or a range (200-299)`);
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (low < 100 || high > 599 || low > high) throw new OptionsError(`invalid accepted status "${text}"`);
    ranges.push([low, high]);
  }
  return (status) => ranges.some(([low, high]) => status >= low && status <= high);
}

const NUMBER_KEYS = ['concurrency', 'perHostConcurrency', 'perHostInterval', 'timeout', 'retries', 'retryDelay', 'maxRetryDelay', 'maxRedirects', 'maxAge'] as const;
const POSITIVE_KEYS = new Set<string>(['concurrency', 'perHostConcurrency', 'timeout']);
const STRING_LIST_KEYS = ['getOnlyHosts', 'exclude', 'allowAddresses'] as const;
const BOOLEAN_KEYS = ['offline', 'allowPrivate'] as const;
const KNOWN_KEYS = new Set<string>([...NUMBER_KEYS, ...STRING_LIST_KEYS, ...BOOLEAN_KEYS, 'accept', 'remap', 'cache', 'userAgent']);

/**
 * Validates a partial options object (the `links` section of selfhelp.config.json, or flags) and
 * returns it typed. Throws OptionsError naming the first bad key.
 */
export function validateOptions(input: unknown, where = 'links options'): Partial<CheckerOptions> {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new OptionsError(`${where} must be an object`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!KNOWN_KEYS.has(key)) throw new OptionsError(`${where}: unknown option "${key}"`);
    if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !Number.isInteger(value)) throw new OptionsError(`${where}: "${key}" must be a whole number >= 0`);
      if (POSITIVE_KEYS.has(key) && value === 0) throw new OptionsError(`${where}: "${key}" must be at least 1`);
    } else if ((STRING_LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new OptionsError(`${where}: "${key}" must be a list of strings`);
    } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new OptionsError(`${where}: "${key}" must be true or false`);
    } else if (key === 'accept') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' || typeof v === 'string')) throw new OptionsError(`${where}: "accept" must be a list of codes or ranges`);
      acceptMatcher(value as (number | string)[]);
    } else if (key === 'remap') {
      if (!Array.isArray(value) || !value.every(isRemapRule)) throw new OptionsError(`${where}: "remap" must be a list of { "pattern": string, "replacement": string }`);
    } else if (key === 'cache') {
      if (value !== false && typeof value !== 'string') throw new OptionsError(`${where}: "cache" must be a file path or false`);
    } else if (key === 'userAgent') {
      if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) throw new OptionsError(`${where}: "userAgent" must be a one-line string`);
    }
    out[key] = value;
  }
  for (const pattern of [...((out['exclude'] as string[] | undefined) ?? []), ...((out['remap'] as RemapRule[] | undefined) ?? []).map((r) => r.pattern)]) {
    try {
      new RegExp(pattern);
    } catch {
      throw new OptionsError(`${where}: invalid regular expression "${pattern}"`);
    }
  }
  if (out['allowAddresses']) {
    try {
      buildAllowList(out['allowAddresses'] as string[]);
    } catch (error) {
      throw new OptionsError(`${where}: ${(error as Error).message}`);
    }
  }
  return out as Partial<CheckerOptions>;
}

function isRemapRule(value: unknown): value is RemapRule {
  return typeof value === 'object' && value !== null && typeof (value as RemapRule).pattern === 'string' && typeof (value as RemapRule).replacement === 'string';
}

/** Defaults, then each layer in order (later wins). */
export function resolveOptions(...layers: Partial<CheckerOptions>[]): CheckerOptions {
  const options: CheckerOptions = { ...DEFAULT_OPTIONS };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;
  }
  return options;
}
