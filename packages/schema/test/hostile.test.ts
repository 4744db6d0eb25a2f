// Random metadata, lists, entities and JSON bodies: validation never fails internally, ranges are ordered and fixes stay in the file.
import { it, expect } from 'vitest';
import fc from 'fast-check';
import { parseArticle } from '@selfhelp/core';
import { validateArticle, normalizeMetadata } from '@selfhelp/schema';
const keys = ['selfHelpType', 'supportTopicIds', 'cloudEnvironments', 'disableClouds', 'articleId', 'ms.author', 'displayOrder', '__proto__', 'constructor', 'productPesIds', 'diagnosticScenario', 'SELFHELPTYPE', 'x'];
const vals = fc.oneof(fc.string(), fc.constantFrom('generic', 'problemScopingQuestions', 'supportTopicDescription', 'public,,Fairfax;moon', '&amp;,&#x2C;', 'a, a, A', '', ' ', 'diagnostics', 'rca'));
it('never produces an internal error on random metadata and bodies', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), vals), { maxLength: 8 }), fc.oneof(fc.constant(''), fc.json(), fc.string()), (attrs, body) => {
      const src = `<properties\n${attrs.map(([k, v]) => `  ${k}="${v.replace(/"/g, '')}"`).join('\n')}\n/>\n# T\n---\n${body}\n---\n`;
      const a = parseArticle(src, { path: 'f.md' });
      normalizeMetadata(a);
      const f = validateArticle(a);
      expect(f.filter((x) => x.code === 'validation-internal-error').map((x) => x.message)).toEqual([]);
      for (const x of f) { expect(x.range.start.offset).toBeLessThanOrEqual(x.range.end.offset); if (x.fix) expect(x.fix.range[1]).toBeLessThanOrEqual(src.replace(/^\uFEFF/, '').length); }
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('title', 'ms.date', 'ms.author', 'description', 'ms.topic', 'MS.DATE'), fc.oneof(fc.string(), fc.constantFrom('[a, b]', '02/30/2024', '{a: 1}', '3', 'null'))), { maxLength: 6 }), (attrs) => {
      const src = `---\n${attrs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n# T\n`;
      const f = validateArticle(parseArticle(src, { path: 'l.md' }));
      expect(f.filter((x) => x.code === 'validation-internal-error').map((x) => x.message)).toEqual([]);
    }),
    { numRuns: 200 },
  );
}, 300000);
