// The rules a run knows: the built-in rules of @selfhelp/rules, the plugins a config names, and the
// engine's own ids (`parse`, `unused-disable`) so they can be configured, disabled inline and listed.
import { createHash } from 'node:crypto';
import type { ProjectRule, Rule, RuleMeta } from '@selfhelp/rules';
import { ConfigError } from './errors.js';

export interface RuleRegistry {
  /** Per-file rules by id (their code: empty until `loaded`). */
  rules: Map<string, Rule>;
  /** Cross-article rules by id (their code: empty until `loaded`). */
  projectRules: Map<string, ProjectRule>;
  /** Ids of the per-file and of the cross-article rules, known before any rule code is loaded. */
  ruleIds: Set<string>;
  projectRuleIds: Set<string>;
  /** The engine's own ids. */
  engineRules: Map<string, RuleMeta>;
  /** Every rule's metadata (per-file, cross-article, engine), sorted by id. */
  metas: RuleMeta[];
  /** Changes when any rule's metadata or check changes: part of the cache key. */
  hash: string;
  /**
   * False when the registry was rebuilt from the cache's rule manifest (a warm run): `rules` and
   * `projectRules` are filled by `LoadedConfig.loadRuleCode()` only if some file must be linted.
   */
  loaded: boolean;
}

/** What the cache keeps of a registry so a warm run need not import any rule. */
export interface RegistryManifest {
  format: 'selfhelp-rules';
  /** Fingerprint of the rule modules (files, sizes, mtimes) and the lint version. */
  fp: string;
  hash: string;
  /** Metadata of the per-file and cross-article rules (not the engine ids). */
  metas: RuleMeta[];
  projectRuleIds: string[];
}

export function manifestOf(registry: RuleRegistry, fp: string): RegistryManifest {
  return {
    format: 'selfhelp-rules',
    fp,
    hash: registry.hash,
    metas: registry.metas.filter((m) => !registry.engineRules.has(m.id)),
    projectRuleIds: [...registry.projectRuleIds],
  };
}

function engineRuleMap(): Map<string, RuleMeta> {
  return new Map<string, RuleMeta>([
    [PARSE_RULE.id, PARSE_RULE],
    [UNUSED_DISABLE_RULE.id, UNUSED_DISABLE_RULE],
  ]);
}

/** A registry with metadata only, from a manifest whose fingerprint matched. */
export function registryFromManifest(m: RegistryManifest): RuleRegistry {
  const engineRules = engineRuleMap();
  const projectRuleIds = new Set(m.projectRuleIds);
  const ruleIds = new Set(m.metas.map((x) => x.id).filter((id) => !projectRuleIds.has(id)));
  const metas = [...m.metas, ...engineRules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules: new Map(), projectRules: new Map(), ruleIds, projectRuleIds, engineRules, metas, hash: m.hash, loaded: false };
}

export function isManifest(value: unknown): value is RegistryManifest {
  const v = value as RegistryManifest | null;
  return typeof v === 'object' && v !== null && v.format === 'selfhelp-rules' && typeof v.fp === 'string' && typeof v.hash === 'string' && Array.isArray(v.metas) && Array.isArray(v.projectRuleIds);
}

const noDocs = { incorrect: [], correct: [] };

/** Parse problems (core diagnostics) are reported under this id. */
export const PARSE_RULE: RuleMeta = {
  id: 'parse',
  description: 'Problems found while parsing the article (unclosed <properties>, YAML and JSON syntax, unbalanced markers)',
  category: 'content',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
  docs: {
    rationale:
      'The parser never throws: every problem it meets becomes a finding with a position. Each finding keeps the severity the parser gave it (error or warning); setting this id to `warning` caps them at warning, `off` hides them.',
    ...noDocs,
  },
};

/** A `selfhelp-disable` comment that suppressed nothing. */
export const UNUSED_DISABLE_RULE: RuleMeta = {
  id: 'unused-disable',
  description: 'A selfhelp-disable comment that suppresses no finding',
  category: 'content',
  severity: 'warning',
  fixable: false,
  appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
  docs: {
    rationale:
      'A disable comment that no longer suppresses anything hides the next real problem of that rule. Remove it, or name the rule it was meant for.',
    ...noDocs,
  },
};

type LoadedRule = Rule | ProjectRule;

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && typeof (value as Rule).check === 'function' && isMeta((value as Rule).meta);
}
function isProjectRule(value: unknown): value is ProjectRule {
  return (
    typeof value === 'object' && value !== null && typeof (value as ProjectRule).checkProject === 'function' && isMeta((value as ProjectRule).meta)
  );
}
function isMeta(meta: unknown): meta is RuleMeta {
  const m = meta as RuleMeta | undefined;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.severity === 'string' && typeof m.appliesTo === 'object';
}

/** The rules a plugin module exports: `rules` (array or object), a default export (array, object or module-like). */
export function rulesOfModule(mod: Record<string, unknown>, name: string): LoadedRule[] {
  const candidates = [mod.rules, mod.default, (mod.default as Record<string, unknown> | undefined)?.rules, mod.crossArticleRules];
  const found: LoadedRule[] = [];
  for (const c of candidates) {
    if (c === undefined || c === null) continue;
    const values = Array.isArray(c) ? c : typeof c === 'object' ? Object.values(c as object) : [c];
    for (const v of values) if ((isRule(v) || isProjectRule(v)) && !found.includes(v)) found.push(v);
  }
  if (found.length === 0) throw new ConfigError(`plugin "${name}" exports no rules (expected \`rules\` or a default export of rules made with defineRule)`);
  return found;
}

function metaFingerprint(rule: LoadedRule): string {
  const body = 'check' in rule ? String(rule.check) : String(rule.checkProject);
  return JSON.stringify(rule.meta) + '\0' + body;
}

/** Builds the registry from the built-in rules and the plugins' modules (already imported, with their names). */
export function buildRegistry(
  builtIn: { rules: readonly Rule[]; crossArticleRules: readonly ProjectRule[] },
  plugins: { name: string; module: Record<string, unknown> }[],
): RuleRegistry {
  const rules = new Map<string, Rule>();
  const projectRules = new Map<string, ProjectRule>();
  const engineRules = engineRuleMap();
  const origin = new Map<string, string>();
  const hash = createHash('sha256');
  const add = (rule: LoadedRule, from: string) => {
    const id = rule.meta.id;
    if (engineRules.has(id) || origin.has(id)) {
      throw new ConfigError(`rule id "${id}" from ${from} is already defined by ${origin.get(id) ?? 'the engine'}`);
    }
    origin.set(id, from);
    if (isProjectRule(rule)) projectRules.set(id, rule);
    else rules.set(id, rule);
    hash.update(metaFingerprint(rule)).update('\0');
  };
  for (const r of builtIn.rules) add(r, '@selfhelp/rules');
  for (const r of builtIn.crossArticleRules) add(r, '@selfhelp/rules');
  for (const p of plugins) for (const r of rulesOfModule(p.module, p.name)) add(r, `plugin "${p.name}"`);
  const metas = [...rules.values(), ...projectRules.values()].map((r) => r.meta).concat([...engineRules.values()]);
  metas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    rules,
    projectRules,
    ruleIds: new Set(rules.keys()),
    projectRuleIds: new Set(projectRules.keys()),
    engineRules,
    metas,
    hash: hash.digest('hex').slice(0, 16),
    loaded: true,
  };
}

/** Loads the built-in rules lazily (they pull in the parser). */
export async function loadBuiltInRules(): Promise<{ rules: readonly Rule[]; crossArticleRules: readonly ProjectRule[] }> {
  const mod = await import('@selfhelp/rules');
  return { rules: mod.rules, crossArticleRules: mod.crossArticleRules };
}
