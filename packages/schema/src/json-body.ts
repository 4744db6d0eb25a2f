// Validates the JSON body of the selfHelpTypes that have one (problemScopingQuestions form,
// supportTopicDescription, advisorRecommendationMetadata, diagnoseandsolve).
import type { ArticleMetadata, JsonBody, JsonNode } from '@selfhelp/core';
import * as validators from '../generated/validators.js';
import type { GeneratedValidator } from '../generated/validators.js';
import { propertyNames, schemaIds } from '../generated/annotations.js';
import { mapErrors, showValue, valueAt } from './errors.js';
import type { Finding } from './finding.js';
import { jsonFieldName, jsonNodeAt, locateJson, nodeRange } from './json-locate.js';
import { setOwn } from './normalize.js';

const bodyValidators = validators as unknown as Record<string, GeneratedValidator | undefined>;

/** The export name of a type's body schema, when it has one. */
export function bodySchemaName(canonicalType: string): string | undefined {
  const name = `${canonicalType.toLowerCase()}_body`;
  return bodyValidators[name] ? name : undefined;
}

/** Values matched case-insensitively by the service; compared in lower case. */
const CASE_INSENSITIVE_VALUES: Record<string, RegExp> = {
  problemscopingquestions_body: /^\/formElements\/\d+\/controlType$/,
};

interface Canonicalized {
  value: unknown;
  findings: Finding[];
}

/** Plain data from the tree, with keys that differ from a schema property only in case renamed (reported, fixable). */
function canonicalize(ast: JsonNode, schema: string, source: string): Canonicalized {
  const known = new Map((propertyNames[schema] ?? []).map((name) => [name.toLowerCase(), name]));
  const lowerValues = CASE_INSENSITIVE_VALUES[schema];
  const findings: Finding[] = [];
  const walk = (node: JsonNode, path: string): unknown => {
    switch (node.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const member of node.members) {
          let name = member.name;
          const canonical = known.get(name.toLowerCase());
          if (canonical && canonical !== name && !node.members.some((m) => m.name === canonical)) {
            const raw = source.slice(member.nameRange.start.offset, member.nameRange.end.offset);
            const field = jsonFieldName(`${path}/${name}`);
            findings.push({
              code: 'json-key-case',
              rule: 'json-body-schema',
              message: `${field}: write the key as "${canonical}"`,
              severity: 'warning',
              range: member.nameRange,
              ...(raw === JSON.stringify(name) ? { fix: { range: [member.nameRange.start.offset, member.nameRange.end.offset] as [number, number], text: JSON.stringify(canonical) } } : {}),
            });
            name = canonical;
          }
          setOwn(out, name, walk(member.value, `${path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`));
        }
        return out;
      }
      case 'array':
        return node.elements.map((element, i) => walk(element, `${path}/${i}`));
      case 'string':
        return lowerValues?.test(path) ? node.value.toLowerCase() : node.value;
      default:
        return node.value;
    }
  };
  return { value: walk(ast, ''), findings };
}

/** Reports the second and later items of `arrayPath` whose `prop` repeats an earlier one. */
function uniqueBy(data: unknown, ast: JsonNode, arrayPath: string, prop: string, code: string, caseInsensitive: boolean): Finding[] {
  const list = valueAt(data, arrayPath);
  if (!Array.isArray(list)) return [];
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
    if (!Object.prototype.hasOwnProperty.call(item, prop)) return;
    const value = (item as Record<string, unknown>)[prop];
    if (value === undefined || value === null || value === '') return;
    const key = typeof value === 'string' && caseInsensitive ? value.toLowerCase() : JSON.stringify(value);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const path = `${arrayPath}/${index}/${prop}`;
    const node = jsonNodeAt(ast, path.split('/').slice(1));
    out.push({
      code,
      rule: 'json-body-schema',
      message: `${jsonFieldName(path)}: "${showValue(value)}" is already the ${prop} of ${jsonFieldName(`${arrayPath}/${first}`)}`,
      severity: 'error',
      range: node ? nodeRange(node) : locateJson(ast, path),
    });
  });
  return out;
}

function uniquenessChecks(schema: string, data: unknown, ast: JsonNode): Finding[] {
  switch (schema) {
    case 'problemscopingquestions_body': {
      const out = [
        ...uniqueBy(data, ast, '/formElements', 'id', 'json-duplicate-id', false),
        ...uniqueBy(data, ast, '/formElements', 'order', 'json-duplicate-order', false),
      ];
      const elements = valueAt(data, '/formElements');
      if (Array.isArray(elements)) {
        elements.forEach((_, i) => {
          out.push(...uniqueBy(data, ast, `/formElements/${i}/dropdownOptions`, 'value', 'json-duplicate-option', false));
          out.push(...uniqueBy(data, ast, `/formElements/${i}/radioButtonOptions`, 'value', 'json-duplicate-option', false));
        });
      }
      return out;
    }
    case 'supporttopicdescription_body':
      return uniqueBy(data, ast, '/supportTopics', 'id', 'json-duplicate-id', true);
    case 'diagnoseandsolve_body':
      return [...uniqueBy(data, ast, '/commonProblems', 'id', 'json-duplicate-id', false), ...uniqueBy(data, ast, '/troubleshootingTools', 'id', 'json-duplicate-id', false)];
    default:
      return [];
  }
}

/** The first JSON body that parsed, with its tree. */
export function parsedBody(article: Pick<ArticleMetadata, 'jsonBodies'>): (JsonBody & { ast: JsonNode }) | undefined {
  return article.jsonBodies.find((b): b is JsonBody & { ast: JsonNode } => b.ast !== undefined && b.value !== undefined);
}

/** Findings for the JSON body of an article of `canonicalType`. */
export function validateJsonBody(article: Pick<ArticleMetadata, 'source' | 'jsonBodies'>, canonicalType: string): Finding[] {
  const schema = bodySchemaName(canonicalType);
  if (!schema) return [];
  const validate = bodyValidators[schema];
  if (!validate) return [];
  // A missing body is the json-body-expected rule's finding, a syntax error the parser's.
  const body = parsedBody(article);
  if (!body) return [];
  const { value, findings } = canonicalize(body.ast, schema, article.source);
  validate(value);
  const rootId = schemaIds[schema] ?? '';
  const mapped = mapErrors(validate.errors, {
    rootId,
    data: value,
    locate: (path) => locateJson(body.ast, path),
    fieldName: jsonFieldName,
    rule: () => 'json-body-schema',
  });
  return [...findings, ...mapped, ...uniquenessChecks(schema, value, body.ast)];
}
