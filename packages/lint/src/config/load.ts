// Finds, reads, validates and resolves selfhelp.config.json into what the engine needs per file.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { RuleMeta, RuleSeverity } from '@selfhelp/rules';
import { ConfigError } from '../errors.js';
import { relativePosix } from '../paths.js';
import { buildRegistry, isManifest, loadBuiltInRules, manifestOf, registryFromManifest, type RegistryManifest, type RuleRegistry } from '../registry.js';
import { LINT_PACKAGE_ROOT, LINT_VERSION } from '../version.js';
import { closest, validateConfig, type RuleSetting, type SelfhelpConfig } from './validate.js';

export const CONFIG_FILE_NAME = 'selfhelp.config.json';
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
export const DEFAULT_TIME_BUDGET = 10_000;

export type Preset = 'recommended' | 'strict' | 'none';

/** One enabled rule for one file. ESLint severities: 1 warning, 2 error. */
export interface EnabledRule {
  id: string;
  severity: 1 | 2;
  options: unknown;
}

/** The rules enabled for one file, and a key that changes whenever they do (part of the cache key). */
export interface FileRules {
  rules: EnabledRule[];
  byId: Map<string, EnabledRule>;
  key: string;
}

/** What a worker needs to rebuild the same configuration. */
export interface ConfigSpec {
  cwd: string;
  configFile?: string;
  inline?: SelfhelpConfig;
  noConfigLookup?: boolean;
  builtInRules?: boolean;
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found (defaults apply). */
  file: string | undefined;
  /** The folder globs, `root` and plugin paths are relative to (the config file's, else cwd). */
  baseDir: string;
  /** The content root named by the config (`root`, else the config file's folder); undefined without a config file. */
  root: string | undefined;
  preset: Preset;
  config: SelfhelpConfig;
  registry: RuleRegistry;
  maxFileSize: number;
  /** Milliseconds one file may take to lint. */
  timeBudget: number;
  gitignore: boolean;
  /** Changes whenever anything that affects findings changes (config, rules, tool version). */
  hash: string;
  spec: ConfigSpec;
  /** The rules enabled for a file (absolute path). */
  rulesFor(absPath: string): FileRules;
  /** True when the config's `ignores` (or the built-in node_modules/.git ignores) cover the path. */
  isIgnored(absPath: string): boolean;
  /** False when rules were given as objects (`pluginModules`): worker threads could not rebuild them. */
  workerSafe: boolean;
  /** Loads the rule code if the registry came from a manifest (no-op otherwise). */
  loadRuleCode(): Promise<void>;
  /** The registry's manifest as one JSON line, for the cache to keep. Undefined when it cannot be fingerprinted. */
  registryManifest: string | undefined;
}

export interface LoadConfigOptions {
  cwd?: string;
  /** An explicit config file (`--config`); no lookup is done. */
  configFile?: string;
  /** A config object given directly (API use); relative paths are relative to cwd. */
  config?: SelfhelpConfig;
  /** Do not look for a config file: built-in defaults. */
  noConfigLookup?: boolean;
  /** Load the built-in rules of @selfhelp/rules (default true; tests turn it off to run only their own rules). */
  builtInRules?: boolean;
  /** Rule modules given as objects (API use and tests), loaded after the config's `plugins`. Not available in worker threads. */
  pluginModules?: { name: string; module: Record<string, unknown> }[];
  /**
   * A lint cache file whose rule manifest may stand in for importing the rules: when the rule modules'
   * fingerprint matches, no rule code is loaded until `loadRuleCode()` (a warm run never loads it).
   */
  snapshot?: string;
}

/** The nearest selfhelp.config.json at or above `start`. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function lineColumnAt(text: string, offset: number): string {
  let line = 1, column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') { line++; column = 1; } else column++;
  }
  return `line ${line}, column ${column}`;
}

function readConfigFile(path: string): SelfhelpConfig {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineColumnAt(text, Number(position[1]))}` : '';
    const cut = message.indexOf(' in JSON at position ');
    throw new ConfigError(`${path}: invalid JSON${where}: ${cut === -1 ? message : message.slice(0, cut)}`);
  }
  try {
    return validateConfig(json);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The severity a rule has in a preset. */
export function presetSeverity(meta: RuleMeta, preset: Preset): RuleSeverity {
  if (preset === 'none') return 'off';
  if (preset === 'recommended') return meta.severity;
  if (meta.strictSeverity) return meta.strictSeverity;
  return meta.severity === 'warning' ? 'error' : meta.severity;
}

function toNumeric(severity: RuleSeverity): 0 | 1 | 2 {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0;
}

/** Where a plugin module is: its URL for import(), and its file when known (for the rule manifest's fingerprint). */
function resolvePlugin(name: string, baseDir: string): { url: string; file?: string } {
  if (name.startsWith('.') || isAbsolute(name)) {
    const path = resolve(baseDir, name);
    if (!existsSync(path)) throw new ConfigError(`plugin "${name}" not found at ${path}`);
    // The file's stamp in the URL: a long-lived process (an editor, tests) imports an edited plugin afresh.
    const s = statSync(path);
    return { url: `${pathToFileURL(path).href}?v=${s.size}-${s.mtimeMs}`, file: path };
  }
  try {
    const file = createRequire(join(baseDir, 'selfhelp.config.json')).resolve(name);
    return { url: pathToFileURL(file).href, file };
  } catch {
    return { url: name }; // ESM-only packages: let import() resolve it
  }
}

async function importPlugin(name: string, baseDir: string): Promise<Record<string, unknown>> {
  const { url } = resolvePlugin(name, baseDir);
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`plugin "${name}" could not be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
}

function settingParts(setting: RuleSetting): { severity: RuleSeverity; options?: unknown; hasOptions: boolean } {
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1], hasOptions: setting.length > 1 };
  return { severity: setting, hasOptions: false };
}

async function checkRuleSettings(rules: Record<string, RuleSetting>, where: string, registry: RuleRegistry): Promise<void> {
  const byId = new Map(registry.metas.map((m) => [m.id, m]));
  const known = [...byId.keys()];
  for (const [id, setting] of Object.entries(rules)) {
    const meta = byId.get(id);
    if (!meta) {
      const hint = closest(id, known);
      throw new ConfigError(`${where}.${id}: unknown rule${hint ? ` (did you mean "${hint}"?)` : ''}; run \`selfhelp rules\` for the list`);
    }
    const { options, hasOptions } = settingParts(setting);
    if (!hasOptions) continue;
    if (!meta.optionsSchema) throw new ConfigError(`${where}.${id}: this rule takes no options`);
    const { Ajv } = await import('ajv');
    const ajv = new Ajv({ allErrors: false, strict: false });
    const validate = ajv.compile(meta.optionsSchema);
    if (!validate(options)) {
      const e = validate.errors?.[0];
      throw new ConfigError(`${where}.${id}: invalid options: ${e ? `${e.instancePath || 'options'} ${e.message ?? 'is invalid'}` : 'rejected by the rule\'s schema'}`);
    }
  }
}

function globMatcher(globs: string | string[] | undefined): ((rel: string) => boolean) | undefined {
  if (globs === undefined) return undefined;
  const list = (Array.isArray(globs) ? globs : [globs]).map((g) => (g.endsWith('/') ? g + '**' : g));
  return picomatch(list, { dot: true });
}

/**
 * A fingerprint of the rule code: every module file of the code packages (their CODE_FOLDERS) and of the
 * plugins, by path, size and mtime, plus the lint version. Undefined when a plugin's file is unknown.
 */
function rulesFingerprint(builtIn: boolean, plugins: { url: string; file?: string }[]): string | undefined {
  try {
    return fingerprintFiles(builtIn, plugins);
  } catch {
    return undefined; // a file vanished meanwhile: no manifest this run
  }
}

/**
 * The package folders whose code the findings depend on: this package, the parser and the schemas, and with
 * the built-in rules the rules and the links helpers. Undefined when the built-in rules cannot be found.
 */
export function codePackages(builtIn: boolean): string[] | undefined {
  const here = createRequire(import.meta.url);
  const packages = [LINT_PACKAGE_ROOT];
  for (const name of ['@selfhelp/core', '@selfhelp/schema']) {
    try {
      packages.push(dirname(dirname(here.resolve(name))));
    } catch {
      // not installed beside this package: its version is in LINT_VERSION's reach only
    }
  }
  if (builtIn) {
    let entry: string;
    try {
      entry = here.resolve('@selfhelp/rules');
    } catch {
      return undefined;
    }
    packages.push(dirname(dirname(entry)));
    try {
      packages.push(dirname(dirname(createRequire(entry).resolve('@selfhelp/links'))));
    } catch {
      // rules without the links package
    }
  }
  return packages;
}

/**
 * The code files under a folder, as paths relative to it: read with file types, so only folders are
 * opened (a recursive readdir stats every entry to find them). CommonJS files count: the schemas'
 * generated validators are `.cjs` modules.
 */
export function codeFilesUnder(dir: string, prefix = '', out: string[] = []): string[] {
  for (const d of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? d.name : join(prefix, d.name);
    if (d.isDirectory()) codeFilesUnder(dir, rel, out);
    else if (/\.(c?js|mjs|ts|json)$/.test(d.name) && !d.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/**
 * The folders of each code package whose files the fingerprint covers. Running from the build (`dist`), the
 * TypeScript sources do not run: a change there counts once it is built, and not stat'ing them saves about half
 * of the 354 stats a run made. Running from the sources (the tests), they count.
 */
export const CODE_FOLDERS: readonly string[] = import.meta.url.includes('/dist/') ? ['dist', 'generated'] : ['dist', 'src', 'generated'];

function fingerprintFiles(builtIn: boolean, plugins: { url: string; file?: string }[]): string | undefined {
  const hash = createHash('sha256').update(LINT_VERSION);
  const add = (file: string) => {
    const s = statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\0`);
  };
  const addPackage = (pkg: string) => {
    for (const folder of CODE_FOLDERS) {
      const dir = join(pkg, folder);
      if (!existsSync(dir)) continue;
      const files = codeFilesUnder(dir).sort();
      for (const f of files) add(join(dir, f));
    }
  };
  const packages = codePackages(builtIn);
  if (packages === undefined) return undefined;
  for (const pkg of packages) addPackage(pkg);
  for (const p of plugins) {
    if (!p.file) return undefined;
    add(p.file);
  }
  return hash.digest('hex').slice(0, 24);
}

/** The rule manifest on the first line of a cache file, if there is a valid one. */
function readManifest(cacheFile: string): RegistryManifest | undefined {
  let fd: number;
  try {
    fd = openSync(cacheFile, 'r');
  } catch {
    return undefined;
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(256 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, total);
      if (n === 0) break;
      const view = chunk.subarray(0, n);
      const newline = view.indexOf(10);
      chunks.push(newline === -1 ? view : view.subarray(0, newline));
      if (newline !== -1) break;
      total += n;
      if (total > 64 * 1024 * 1024) return undefined;
    }
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return isManifest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Loads and resolves the configuration. Throws ConfigError with a one-line message on any problem. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  let file: string | undefined;
  let config: SelfhelpConfig;
  if (options.config) {
    config = validateConfig(options.config);
  } else if (options.configFile) {
    file = resolve(cwd, options.configFile);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
    config = readConfigFile(file);
  } else if (!options.noConfigLookup && (file = findConfigFile(cwd)) !== undefined) {
    config = readConfigFile(file);
  } else {
    config = {};
  }
  const baseDir = file ? dirname(file) : cwd;
  const where = file ?? 'config';
  const wrap = async <T>(fn: () => Promise<T> | T): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigError(`${where}: ${error.message}`);
      throw error;
    }
  };

  const importAll = async (): Promise<RuleRegistry> => {
    const builtIn = options.builtInRules === false ? { rules: [], crossArticleRules: [] } : await loadBuiltInRules();
    const plugins: { name: string; module: Record<string, unknown> }[] = [];
    for (const name of config.plugins ?? []) plugins.push({ name, module: await wrap(() => importPlugin(name, baseDir)) });
    plugins.push(...(options.pluginModules ?? []));
    return wrap(() => buildRegistry(builtIn, plugins));
  };
  // A warm run takes the rules' metadata from the cache's manifest when the rule modules are unchanged.
  const fp = options.pluginModules?.length ? undefined : await wrap(() => rulesFingerprint(options.builtInRules !== false, (config.plugins ?? []).map((p) => resolvePlugin(p, baseDir))));
  let registry: RuleRegistry | undefined;
  if (fp !== undefined && options.snapshot) {
    const manifest = readManifest(options.snapshot);
    if (manifest && manifest.fp === fp) registry = registryFromManifest(manifest);
  }
  registry ??= await importAll();
  const registryManifest = fp === undefined ? undefined : JSON.stringify(manifestOf(registry, fp));
  // One load however many callers ask (the CLI starts it early under --staged, the engine asks again).
  let loadingCode: Promise<void> | undefined;
  const loadRuleCode = () =>
    (loadingCode ??= (async () => {
      if (registry.loaded) return;
      const full = await importAll();
      registry.rules = full.rules;
      registry.projectRules = full.projectRules;
      registry.loaded = true;
    })());
  if (config.rules) await wrap(() => checkRuleSettings(config.rules!, 'rules', registry));
  for (const [i, o] of (config.overrides ?? []).entries()) await wrap(() => checkRuleSettings(o.rules, `overrides[${i}].rules`, registry));

  const preset: Preset = config.extends ?? 'recommended';
  let root: string | undefined;
  if (config.root !== undefined) {
    root = resolve(baseDir, config.root);
    try {
      if (!statSync(root).isDirectory()) throw new Error();
    } catch {
      throw new ConfigError(`${where}: root: ${root} is not a folder`);
    }
  } else if (file) root = baseDir;

  // Base settings: the preset, then the top-level rules.
  const base = new Map<string, { severity: RuleSeverity; options: unknown }>();
  for (const meta of registry.metas) base.set(meta.id, { severity: presetSeverity(meta, preset), options: undefined });
  const applySettings = (target: typeof base, rules: Record<string, RuleSetting> | undefined) => {
    for (const [id, setting] of Object.entries(rules ?? {})) {
      const { severity, options: opts, hasOptions } = settingParts(setting);
      const previous = target.get(id);
      target.set(id, { severity, options: hasOptions ? opts : previous?.options });
    }
  };
  applySettings(base, config.rules);

  const overrides = (config.overrides ?? []).map((o) => ({ files: globMatcher(o.files)!, excluded: globMatcher(o.excludedFiles), rules: o.rules }));
  const userIgnores = (config.ignores ?? []).map((g) => (g.endsWith('/') ? g + '**' : g));
  const ignoreMatch = userIgnores.length > 0 ? picomatch(userIgnores, { dot: true }) : () => false;
  const builtInIgnored = (rel: string) => /(^|\/)(node_modules|\.git)(\/|$)/.test(rel);
  const maxFileSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const hash = createHash('sha256')
    .update(JSON.stringify({ v: LINT_VERSION, r: registry.hash, code: fp ?? '', preset, rules: config.rules ?? {}, overrides: config.overrides ?? [], root, maxFileSize }))
    .digest('hex')
    .slice(0, 16);

  const memo = new Map<string, FileRules>();
  const rulesFor = (absPath: string): FileRules => {
    const rel = relativePosix(baseDir, absPath);
    let mask = '';
    for (const o of overrides) mask += o.files(rel) && !(o.excluded?.(rel) ?? false) ? '1' : '0';
    let found = memo.get(mask);
    if (found) return found;
    const settings = new Map(base);
    overrides.forEach((o, i) => {
      if (mask[i] === '1') applySettings(settings, o.rules);
    });
    const rules: EnabledRule[] = [];
    for (const [id, s] of settings) {
      const severity = toNumeric(s.severity);
      if (severity !== 0) rules.push({ id, severity, options: s.options });
    }
    rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = createHash('sha256').update(hash).update(JSON.stringify(rules)).digest('hex').slice(0, 16);
    found = { rules, byId: new Map(rules.map((r) => [r.id, r])), key };
    memo.set(mask, found);
    return found;
  };

  return {
    file,
    baseDir,
    root,
    preset,
    config,
    registry,
    maxFileSize,
    timeBudget: config.timeBudget ?? DEFAULT_TIME_BUDGET,
    gitignore: config.gitignore ?? true,
    hash,
    spec: { cwd, ...(file ? { configFile: file } : {}), ...(options.config ? { inline: options.config } : {}), ...(options.noConfigLookup ? { noConfigLookup: true } : {}), ...(options.builtInRules === false ? { builtInRules: false } : {}) },
    rulesFor,
    workerSafe: !options.pluginModules?.length,
    loadRuleCode,
    registryManifest,
    isIgnored: (absPath) => {
      const rel = relativePosix(baseDir, absPath);
      return builtInIgnored(rel) || ignoreMatch(rel);
    },
  };
}
