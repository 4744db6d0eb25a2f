// @selfhelp/lint: the engine behind `selfhelp lint`. See README.md for the API.
export type { LintMessage, LintResult, MessageSeverity } from './result.js';
export { countMessages } from './result.js';
export { ConfigError } from './errors.js';
export {
  loadConfig,
  findConfigFile,
  presetSeverity,
  CONFIG_FILE_NAME,
  DEFAULT_MAX_FILE_SIZE,
  type LoadedConfig,
  type LoadConfigOptions,
  type ConfigSpec,
  type FileRules,
  type EnabledRule,
  type Preset,
} from './config/load.js';
export { validateConfig, closest, type SelfhelpConfig, type RuleSetting, type ConfigOverride } from './config/validate.js';
export { PARSE_RULE, UNUSED_DISABLE_RULE, type RuleRegistry } from './registry.js';
export { diskSource, virtualSource, type ContentSource, type FileStat } from './fs.js';
export { discoverFiles, createIgnoreFilter, comparePaths, type Discovered, type IgnoreFilter } from './discover.js';
export { lintFiles, type LintInput, type LintFilesOptions, type LintRun, type LintStats } from './engine/run.js';
export type { WorkerBatch, WorkerTask } from './engine/worker.js';
export type { SourceOutcome } from './engine/lint-source.js';
export { DEFAULT_CACHE_FILE, resolveCacheLocation } from './engine/cache.js';
export { parseDirectiveText, applyDirectives, type Directive, type DirectiveKind } from './engine/directives.js';
export { MAX_FIX_PASSES } from './engine/messages.js';
export { writeFixes, fixDiff } from './engine/fixes.js';
export { writeFileAtomic, AtomicFileStream } from './atomic.js';
export { createReporter, isReportFormat, REPORT_FORMATS, summarizeResults, type ReportFormat, type Reporter, type ReporterOptions, type RunSummary } from './reporters/index.js';
export { LINT_VERSION } from './version.js';
// The git workflows (`--staged`, `--changed-since`) and the baseline, as namespaces (see src/git/README.md).
export * as git from './git/index.js';
export * as baseline from './baseline.js';
