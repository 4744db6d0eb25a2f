// Turns ajv errors into author-facing findings: the message, code and severity come from the
// schema's own annotations (x-message, x-code, x-severity), the range from the caller's locator.
// One root cause gives one finding: anyOf/oneOf branch failures and `if` errors are folded
// into the combinator's error, and one finding is kept per value (and per missing property).
import type { Range } from '@selfhelp/core';
import { annotations, type Annotation } from '../generated/annotations.js';
import type { GeneratedError } from '../generated/validators.js';
import type { Finding } from './finding.js';

export interface ErrorContext {
  /** `$id` of the schema the validator was compiled from. */
  rootId: string;
  /** The validated instance. */
  data: unknown;
  /** Source range of the value at an instance path (for `required`, of the object missing it). */
  locate(instancePath: string): Range;
  /** How the value at a path is named in messages (`supportTopicIds`, `formElements[2].id`). */
  fieldName(instancePath: string): string;
  /** The rule that reports a finding with this code about this path. */
  rule(code: string, instancePath: string, error: GeneratedError): string;
  /** Extra template variables (`{type}`). */
  vars?: Record<string, string>;
  /** Errors the caller reports in code instead (e.g. duplicates, with a fix). */
  skip?(error: GeneratedError): boolean;
}

const MAX_VALUE_LENGTH = 60;

/** Splits an ajv schemaPath into the absolute id of the schema it lives in and its JSON pointer segments. */
export function resolveSchemaPath(rootId: string, schemaPath: string): { base: string; segments: string[] } {
  const hash = schemaPath.indexOf('#');
  const ref = hash < 0 ? '' : schemaPath.slice(0, hash);
  const pointer = hash < 0 ? schemaPath : schemaPath.slice(hash + 1);
  const base = ref ? new URL(ref, rootId).href : rootId;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => decodeSegment(s));
  return { base, segments };
}

function decodeSegment(segment: string): string {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // not percent-encoded: keep as written
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function encodePointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Splits an instance path (`/a/0/b`) into segments. */
export function pathSegments(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function pick(value: string | Record<string, string> | undefined, keyword: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return Object.prototype.hasOwnProperty.call(value, keyword) ? value[keyword] : undefined;
}

function pickKeyed(value: string | Record<string, string> | undefined, keyword: string): string | undefined {
  return value !== undefined && typeof value !== 'string' && Object.prototype.hasOwnProperty.call(value, keyword) ? value[keyword] : undefined;
}

interface Annotated {
  message?: string;
  code?: string;
  severity?: string;
}

/** The annotations that apply to an error: the failing node's own, else the nearest ancestor's entry for this keyword. */
export function annotationFor(rootId: string, error: GeneratedError): Annotated {
  const { base, segments } = resolveSchemaPath(rootId, error.schemaPath);
  const keyword = error.keyword;
  const nodeSegments = segments.slice(0, -1);
  const at = (segs: readonly string[]): Annotation | undefined => annotations[`${base}#${encodePointer(segs)}`];
  const own = at(nodeSegments);
  const result: Annotated = {};
  if (own) {
    const message = pick(own.message, keyword);
    if (message !== undefined) result.message = message;
    const code = pick(own.code, keyword);
    if (code !== undefined) result.code = code;
    const severity = pick(own.severity, keyword);
    if (severity !== undefined) result.severity = severity;
  }
  for (let n = nodeSegments.length - 1; n >= 0 && (result.message === undefined || result.code === undefined); n--) {
    const up = at(nodeSegments.slice(0, n));
    if (!up) continue;
    const message = pickKeyed(up.message, keyword);
    if (result.message === undefined && message !== undefined) {
      result.message = message;
      const code = pick(up.code, keyword);
      if (result.code === undefined && code !== undefined) result.code = code;
      const severity = pickKeyed(up.severity, keyword);
      if (result.severity === undefined && severity !== undefined) result.severity = severity;
    }
  }
  return result;
}

/** The value at an instance path (own properties only). */
export function valueAt(data: unknown, instancePath: string): unknown {
  let node: unknown = data;
  for (const segment of pathSegments(instancePath)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** The value as it appears inside a message's quotes. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return shorten(value.replace(/\s+/g, ' '));
  if (value === undefined) return '';
  try {
    return shorten(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** Describes a value's JSON type for "found ..." (`the string "true"`, `a list`, `null`). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : `the string "${showValue(value)}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    default:
      return 'an object';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type ?? '').split(',');
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function defaultMessage(error: GeneratedError): string {
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'required':
      return '{field}: "{missing}" is required';
    case 'type':
      return '{field}: expected {expected}, found {actual}';
    case 'minLength':
      return limit === 1 ? '{field}: must not be empty' : '{field}: {length} characters; at least {limit}';
    case 'maxLength':
      return '{field}: {length} characters; at most {limit}';
    case 'enum':
      return '{field}: "{value}" is not one of {allowed}';
    case 'const':
      return '{field}: must be "{allowed}"';
    case 'pattern':
      return '{field}: "{value}" does not have the expected form';
    case 'format':
      return '{field}: "{value}" is not a valid {format}';
    case 'minItems':
      return limit === 1 ? '{field}: must not be empty' : '{field}: list at least {limit} items';
    case 'maxItems':
      return '{field}: list at most {limit} items';
    case 'minimum':
      return '{field}: must be at least {limit}';
    case 'maximum':
      return '{field}: must be at most {limit}';
    case 'uniqueItems':
      return '{field}: "{value}" is listed twice';
    case 'anyOf':
    case 'oneOf':
      return '{field}: "{value}" does not have any of the allowed forms';
    default:
      return `{field}: ${error.message ?? 'is not valid'}`;
  }
}

/** Fills `{name}` placeholders; names not known are looked up on the object at the error's path. */
function fill(template: string, vars: Record<string, string>, data: unknown, instancePath: string): string {
  return template.replace(/\{([A-Za-z$][\w.$-]*)\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(vars, name)) return vars[name] ?? '';
    let holder = valueAt(data, instancePath);
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) {
      holder = valueAt(data, instancePath.slice(0, Math.max(0, instancePath.lastIndexOf('/'))));
    }
    if (holder !== null && typeof holder === 'object' && Object.prototype.hasOwnProperty.call(holder, name)) {
      return showValue((holder as Record<string, unknown>)[name]);
    }
    return whole;
  });
}

/** Keeps one error per root cause (see the module comment). */
export function collapseErrors(errors: readonly GeneratedError[]): GeneratedError[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    return !combinators.some((prefix) => e.schemaPath.startsWith(prefix));
  });
}

/** The code of an error whose schema node names none. */
function defaultCode(error: GeneratedError): string {
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'required':
      return 'required';
    case 'type':
      return 'wrong-type';
    case 'minLength':
    case 'minItems':
      return limit === 1 ? 'empty-value' : `schema-${error.keyword.toLowerCase()}`;
    default:
      return `schema-${error.keyword.toLowerCase()}`;
  }
}

function priority(error: GeneratedError, severity: string): number {
  if (error.keyword === 'type') return 0;
  if (error.keyword === 'anyOf' || error.keyword === 'oneOf') return 1;
  return severity === 'warning' ? 3 : 2;
}

/** Maps a validator's errors to findings. */
export function mapErrors(errors: readonly GeneratedError[] | null | undefined, ctx: ErrorContext): Finding[] {
  if (!errors?.length) return [];
  const kept = new Map<string, { finding: Finding; rank: number; order: number }>();
  let order = 0;
  for (const error of collapseErrors(errors)) {
    if (ctx.skip?.(error)) continue;
    const annotated = annotationFor(ctx.rootId, error);
    const severity = annotated.severity === 'warning' ? 'warning' : 'error';
    const code = annotated.code ?? defaultCode(error);
    const itemIndex = error.keyword === 'uniqueItems' ? Number(error.params.i) : undefined;
    const path = itemIndex !== undefined && Number.isInteger(itemIndex) ? `${error.instancePath}/${itemIndex}` : error.instancePath;
    const value = valueAt(ctx.data, path);
    const missing = typeof error.params.missingProperty === 'string' ? error.params.missingProperty : '';
    const allowed = Array.isArray(error.params.allowedValues)
      ? error.params.allowedValues.map((v) => showValue(v)).join(', ')
      : error.params.allowedValue !== undefined
        ? showValue(error.params.allowedValue)
        : '';
    const vars: Record<string, string> = {
      ...ctx.vars,
      field: ctx.fieldName(error.instancePath),
      value: showValue(value),
      actual: describe(value),
      expected: expectedType(error.params.type),
      missing,
      allowed,
      limit: error.params.limit === undefined ? '' : String(error.params.limit),
      length: typeof value === 'string' ? String([...value].length) : '',
      format: typeof error.params.format === 'string' ? error.params.format : '',
    };
    const message = fill(annotated.message ?? defaultMessage(error), vars, ctx.data, error.instancePath);
    const finding: Finding = {
      code,
      rule: ctx.rule(code, missing ? `${error.instancePath}/${missing}` : error.instancePath, error),
      message,
      severity,
      range: ctx.locate(path),
    };
    const key = `${path}\u0000${missing}`;
    const rank = priority(error, severity);
    const previous = kept.get(key);
    if (!previous || rank < previous.rank) kept.set(key, { finding, rank, order: previous?.order ?? order++ });
  }
  return [...kept.values()].sort((a, b) => a.order - b.order).map((k) => k.finding);
}
