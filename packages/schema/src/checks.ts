// Metadata checks JSON Schema cannot express, or cannot express with a useful message and fix:
// key spelling, list syntax and duplicates, canonical value spelling, cross-field conventions.
import type { Range } from '@selfhelp/core';
import type { Finding } from './finding.js';
import { ruleFor } from './finding.js';
import type { ListItem, SplitList } from './list.js';
import { rangeFrom } from './positions.js';
import { suggest } from './suggest.js';
import {
  CLOUD_LIST_KEYS,
  SELF_HELP_TYPES,
  canonicalCloud,
  canonicalKey,
  canonicalSelfHelpType,
  isKnownKey,
  knownKeys,
  type MetadataFormat,
} from './vocabulary.js';
import type { MetadataSource, MetadataView, FieldView } from './metadata-view.js';

type Src = MetadataSource;

function finding(
  code: string,
  field: string,
  format: MetadataFormat,
  message: string,
  range: Range,
  severity: 'error' | 'warning',
  extra: Partial<Pick<Finding, 'fix' | 'data'>> = {},
): Finding {
  return { code, rule: ruleFor(code, field, format), message, severity, range, ...extra };
}

/** Non-canonical key case (fixable) and unknown keys (with a suggestion when one is close). */
export function checkKeys(article: Src): Finding[] {
  const out: Finding[] = [];
  for (const field of article.metadata) {
    const format = field.source;
    const known = isKnownKey(field.key, format);
    const range = field.keyRange;
    if (known) {
      const canonical = canonicalKey(field.key, format);
      if (canonical !== field.key) {
        out.push(
          finding('key-case', canonical, format, `${field.key}: write the key as "${canonical}"`, range, 'warning', {
            fix: { range: [range.start.offset, range.end.offset], text: canonical },
          }),
        );
      }
      continue;
    }
    const suggestion = suggest(field.key, knownKeys(format));
    if (format === 'frontmatter' && !suggestion) continue; // Learn frontmatter is open-ended: only likely typos
    const message = suggestion ? `${field.key}: unknown key; did you mean "${suggestion}"?` : `${field.key}: unknown key`;
    out.push(finding('unknown-key', field.key, format, message, range, 'warning', suggestion ? { data: { suggestion } } : {}));
  }
  return out;
}

function itemText(article: Src, item: ListItem): string {
  return item.start >= 0 ? article.source.slice(item.start, item.end) : item.value;
}

/** The value rebuilt with `,` separators, empty items dropped (the source's spacing style kept). */
function rebuiltList(article: Src, list: SplitList, raw: string): string {
  const spaced = /,\s/.test(raw) || /;\s/.test(raw);
  return list.items.map((item) => itemText(article, item)).join(spaced ? ', ' : ',');
}

/** List syntax (`;` separators, empty items) and duplicate items, for `<properties>` list fields. */
export function checkLists(article: Src, view: MetadataView): Finding[] {
  const out: Finding[] = [];
  for (const fv of view.views.values()) {
    const list = fv.list;
    if (!list || fv.field.source !== 'properties' || typeof fv.field.value !== 'string') continue;
    const { key } = fv;
    const value = fv.field.valueRange;
    const raw = fv.field.value;
    const semicolon = list.separators.find((s) => s.text === ';');
    const empty = list.empties[0];
    const fix =
      semicolon || empty ? { range: [value.start.offset, value.end.offset] as [number, number], text: rebuiltList(article, list, raw) } : undefined;
    if (semicolon && fix) {
      out.push(
        finding('list-separator', key, 'properties', `${key}: separate items with "," not ";"`, rangeFrom(article.source, value.start, semicolon.start, semicolon.end), 'warning', { fix }),
      );
    }
    if (empty && fix && list.items.length > 0) {
      // A zero-width gap (",,") is shown on the separator after it.
      const end = empty.end > empty.start ? empty.end : Math.min(empty.end + 1, value.end.offset);
      const start = empty.end > empty.start ? empty.start : Math.max(empty.start - 1, value.start.offset);
      out.push(finding('list-empty-item', key, 'properties', `${key}: empty item; remove the extra ","`, rangeFrom(article.source, value.start, start, end), 'warning', { fix }));
    }
    const isCloud = CLOUD_LIST_KEYS.includes(key);
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
      const norm = isCloud ? (canonicalCloud(item.value) ?? item.value.toLowerCase()) : item.value.toLowerCase();
      const first = seen.get(norm);
      if (first === undefined) {
        seen.set(norm, index);
        return;
      }
      const previous = list.items[index - 1];
      const data = { duplicateOf: first };
      const range = item.start >= 0 ? rangeFrom(article.source, value.start, item.start, item.end) : value;
      const extra = previous && previous.start >= 0 && item.start >= 0 ? { fix: { range: [previous.end, item.end] as [number, number], text: '' }, data } : { data };
      out.push(finding('list-duplicate', key, 'properties', `${key}: "${item.value}" is listed twice`, range, 'error', extra));
    });
  }
  return out;
}

function trimmedValueRange(article: Src, fv: FieldView): { range: Range; start: number; end: number } | undefined {
  if (typeof fv.field.value !== 'string') return undefined;
  const { start, end } = { start: fv.field.valueRange.start.offset, end: fv.field.valueRange.end.offset };
  const raw = article.source.slice(start, end);
  if (raw !== fv.field.value) return undefined;
  const lead = raw.length - raw.trimStart().length;
  const s = start + lead;
  const e = s + raw.trim().length;
  return { range: rangeFrom(article.source, fv.field.valueRange.start, s, e), start: s, end: e };
}

/** selfHelpType: empty, unknown (with a suggestion), or not in its canonical spelling (fixable). */
export function checkSelfHelpType(article: Src, view: MetadataView): Finding[] {
  const fv = view.views.get('selfHelpType');
  if (!fv || fv.field.source !== 'properties') return [];
  const value = typeof fv.field.value === 'string' ? fv.field.value.trim() : '';
  const valueRange = fv.field.valueRange.start.offset === fv.field.valueRange.end.offset ? fv.range : fv.field.valueRange;
  if (value === '') {
    return [finding('self-help-type-empty', 'selfHelpType', 'properties', `selfHelpType: must not be empty; expected one of ${SELF_HELP_TYPES.join(', ')}`, valueRange, 'error')];
  }
  const canonical = canonicalSelfHelpType(value);
  if (!canonical) {
    const suggestion = suggest(value, SELF_HELP_TYPES);
    const message = suggestion
      ? `selfHelpType: unknown type "${value}"; did you mean "${suggestion}"?`
      : `selfHelpType: unknown type "${value}"; expected one of ${SELF_HELP_TYPES.join(', ')}`;
    return [finding('self-help-type-unknown', 'selfHelpType', 'properties', message, valueRange, 'error', suggestion ? { data: { suggestion } } : {})];
  }
  if (canonical === value) return [];
  const at = trimmedValueRange(article, fv);
  return [
    finding('self-help-type-case', 'selfHelpType', 'properties', `selfHelpType: write "${canonical}" (not "${value}")`, at?.range ?? valueRange, 'warning', at ? { fix: { range: [at.start, at.end], text: canonical } } : {}),
  ];
}

/** Cloud names in non-canonical case (fixable, one finding per field) and disableClouds not within cloudEnvironments. */
export function checkClouds(article: Src, view: MetadataView): Finding[] {
  const out: Finding[] = [];
  for (const key of CLOUD_LIST_KEYS) {
    const fv = view.views.get(key);
    const list = fv?.list;
    if (!fv || !list || fv.field.source !== 'properties') continue;
    const wrong = list.items.filter((item) => {
      const canonical = canonicalCloud(item.value);
      return canonical !== undefined && canonical !== item.value && item.start >= 0;
    });
    const first = wrong[0];
    const last = wrong[wrong.length - 1];
    if (first && last) {
      let text = '';
      let cursor = first.start;
      for (const item of wrong) {
        text += article.source.slice(cursor, item.start) + (canonicalCloud(item.value) ?? item.value);
        cursor = item.end;
      }
      const names = wrong.map((item) => `"${item.value}"`).join(', ');
      out.push(
        finding('cloud-case', key, 'properties', `${key}: write cloud names in lower case (${names})`, rangeFrom(article.source, fv.field.valueRange.start, first.start, last.end), 'warning', {
          fix: { range: [first.start, last.end], text },
        }),
      );
    }
  }
  const enabled = view.views.get('cloudEnvironments')?.list;
  const disabledView = view.views.get('disableClouds');
  const disabled = disabledView?.list;
  if (enabled && disabled && disabledView && disabled.items.length > 0) {
    const enabledSet = new Set(enabled.items.map((i) => canonicalCloud(i.value)).filter((c): c is string => c !== undefined));
    for (const item of disabled.items) {
      const cloud = canonicalCloud(item.value);
      if (!cloud || enabledSet.has(cloud)) continue;
      const range = item.start >= 0 ? rangeFrom(article.source, disabledView.field.valueRange.start, item.start, item.end) : disabledView.field.valueRange;
      // Harmless (the cloud is off anyway) but a sign the two lists drifted apart: a warning.
      out.push(finding('disable-clouds-subset', 'disableClouds', 'properties', `disableClouds: "${item.value}" is not in cloudEnvironments`, range, 'warning'));
    }
    const disabledSet = new Set(disabled.items.map((i) => canonicalCloud(i.value)));
    if (enabledSet.size > 0 && [...enabledSet].every((c) => disabledSet.has(c))) {
      out.push(
        finding('disable-clouds-all', 'disableClouds', 'properties', 'disableClouds: every cloud in cloudEnvironments is disabled; the article is published nowhere', disabledView.field.valueRange, 'error'),
      );
    }
  }
  return out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** supportTopicDescription: an articleId of the form supporttopics_<GUID> must name the product in productPesIds. */
export function checkSupportTopicDescription(article: Src, view: MetadataView): Finding[] {
  const id = view.views.get('articleId');
  const products = view.views.get('productPesIds')?.list?.items ?? [];
  const product = products.length === 1 ? products[0]?.value : undefined;
  if (!id || typeof id.field.value !== 'string' || !product || !GUID.test(product)) return [];
  const match = /^supporttopics_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(id.field.value.trim());
  if (!match || match[1]?.toLowerCase() === product.toLowerCase()) return [];
  return [
    finding(
      'article-id-convention',
      'articleId',
      'properties',
      `articleId: "supporttopics_${match[1]}" names another product than productPesIds ("${product}")`,
      id.field.valueRange,
      'error',
    ),
  ];
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Learn ms.date in MM/DD/YYYY form must be a real calendar date. */
export function checkLearnDate(article: Src, view: MetadataView): Finding[] {
  const fv = view.views.get('ms.date');
  if (!fv || fv.field.source !== 'frontmatter' || typeof fv.field.value !== 'string') return [];
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(fv.field.value.trim());
  if (!m) return [];
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 0);
  if (month >= 1 && month <= 12 && day >= 1 && day <= max) return [];
  const why = month < 1 || month > 12 ? `there is no month ${m[1]}` : `${m[1]}/${year} has ${max} days`;
  return [finding('ms-date-invalid', 'ms.date', 'frontmatter', `ms.date: "${fv.field.value.trim()}" is not a real date (${why}); write MM/DD/YYYY`, fv.field.valueRange, 'error')];
}
