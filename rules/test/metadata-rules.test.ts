// Metadata rules with exact ranges, severities, options and fixes; summaries and the
// cross-article rules (duplicate-article-id, support-topic-registry).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseMetadata } from '@selfhelp/core';
import { crossArticleRules, rules } from '@selfhelp/rules';
import { metadataRules, projectRules, summarize } from '../src/metadata/index.js';
import { duplicateArticleId } from '../src/metadata/duplicate-article-id.js';
import { supportTopicRegistry } from '../src/metadata/support-topic-registry.js';
import { diagnosticScenario } from '../src/metadata/diagnostic-scenario.js';
import { authorAliases } from '../src/metadata/author-aliases.js';
import { cloudEnvironments } from '../src/metadata/cloud-environments.js';
import { jsonBodySchema } from '../src/metadata/json-body-schema.js';
import { metadataValueCase } from '../src/metadata/metadata-value-case.js';
import { generic } from '../src/metadata/report.js';
import { fix, ranges, runRule } from './helpers.js';

const text = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('registration', () => {
  it('registers every metadata rule once, with unique ids', () => {
    const ids = metadataRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['metadata-key-case', 'metadata-unknown-key', 'self-help-type', 'support-topic-ids', 'product-pes-ids', 'cloud-environments', 'diagnostic-scenario', 'article-id', 'metadata-required', 'display-order', 'learn-ms-date', 'learn-metadata', 'json-body-schema']));
    for (const id of ids) expect(rules.map((r) => r.meta.id)).toContain(id);
    expect(crossArticleRules.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['duplicate-article-id', 'support-topic-registry']));
    expect(projectRules).toHaveLength(2);
  });
});

describe('per-file rules', () => {
  it('each rule reports only its own findings, at exact ranges', () => {
    const source = generic({ cloudEnvironments: 'Public, mooncake, mooncake', 'ms.author': 'jdoe@contoso.com' });
    expect(ranges(cloudEnvironments, source)).toEqual(['8:40-8:48 cloudEnvironments: "mooncake" is listed twice']);
    expect(ranges(metadataValueCase, source)).toEqual(['8:22-8:28 cloudEnvironments: write cloud names in lower case ("Public")']);
    expect(ranges(authorAliases, source)).toEqual(['4:14-4:30 ms.author: "jdoe@contoso.com" is not an alias; write the alias without a domain or spaces']);
  });

  it('keeps a schema warning a warning inside an error rule', () => {
    const reports = runRule(authorAliases, generic({ authors: 'Jane Doe' }));
    expect(reports.map((r) => [r.message, r.severity])).toEqual([['authors: "Jane Doe" is not a GitHub user name; write the user name without spaces', 'warning']]);
    expect(reports[0]?.data).toEqual({ code: 'alias-format' });
  });

  it('fixes a repeated item together with its separator', () => {
    expect(fix(cloudEnvironments, generic({ cloudEnvironments: 'public, fairfax, public, usnat' }))).toBe(generic({ cloudEnvironments: 'public, fairfax, usnat' }));
  });

  it('diagnostic-scenario: spaces only with allowSpaces: false', () => {
    const source = text(
      '<properties',
      '  pageTitle="VM restarted"',
      '  description="The host was updated"',
      '  ms.author="jdoe"',
      '  selfHelpType="diagnostics"',
      '  cloudEnvironments="public"',
      '  articleId="vm-restarted"',
      '  diagnosticScenario=" vm host update"',
      '  ownershipId="Compute_VirtualMachines"',
      '/>',
      '# VM restarted',
    );
    expect(ranges(diagnosticScenario, source)).toEqual([]);
    expect(ranges(diagnosticScenario, source, { options: { allowSpaces: false } })).toEqual([
      '8:24-8:38 diagnosticScenario: "vm host update" contains spaces; use an identifier such as "VmHostUpdate"',
    ]);
  });

  it('does not run on articles it does not apply to', () => {
    expect(runRule(jsonBodySchema, generic({}, ['---', '{ "formElements": 3 }', '---']))).toEqual([]);
  });

  it('works as a unified-lint-rule plugin', async () => {
    const { unified } = await import('unified');
    const { VFile } = await import('vfile');
    const source = generic({ displayOrder: 'x' });
    const file = new VFile({ path: 'a.md', value: source });
    const rule = metadataRules.find((r) => r.meta.id === 'display-order')!;
    const processor = unified()
      .use(function parser(this: { parser?: unknown }) {
        this.parser = () => ({ type: 'root', children: [] });
      })
      .use(rule.plugin);
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(['11:17 displayOrder: "x" is not an integer']);
  });
});

describe('summarize', () => {
  it('keeps metadata by lower-cased key and the declared support topics', () => {
    const source = text(
      '<properties',
      '  pageTitle="Support topics of Example"',
      '  selfHelpType="SupportTopicDescription"',
      '  productPesIds="aaaa0000-0000-0000-0000-000000000001"',
      '  articleId="supporttopics_aaaa0000-0000-0000-0000-000000000001"',
      '/>',
      '# Support topics',
      '---',
      '{ "$schema": "SelfHelpContent", "SupportTopics": [{ "id": "bbbb0000-0000-0000-0000-000000000001" }, { "ID": " bbbb0000-0000-0000-0000-000000000002 " }, { "id": "" }] }',
      '---',
    );
    const summary = summarize(parseMetadata(source, { path: 'std.md' }));
    expect(summary.path).toBe('std.md');
    expect(summary.kind).toBe('selfhelp');
    expect(Object.keys(summary.fields)).toEqual(['pagetitle', 'selfhelptype', 'productpesids', 'articleid']);
    expect(summary.fields.productpesids?.value).toBe('aaaa0000-0000-0000-0000-000000000001');
    expect(summary.fields.productpesids?.valueRange.start).toEqual({ line: 4, column: 18, offset: 110 });
    expect(summary.declaredSupportTopics).toEqual(['bbbb0000-0000-0000-0000-000000000001', 'bbbb0000-0000-0000-0000-000000000002']);
    expect(summarize(parseArticle(generic(), { path: 'g.md' })).declaredSupportTopics).toBeUndefined();
  });
});

const PRODUCT = 'aaaa0000-0000-0000-0000-000000000001';
const OTHER = 'aaaa0000-0000-0000-0000-000000000002';
const T1 = 'bbbb0000-0000-0000-0000-000000000001';
const T2 = 'bbbb0000-0000-0000-0000-000000000002';
const T9 = 'bbbb0000-0000-0000-0000-000000000009';

function description(product: string, topics: string[], path: string) {
  return summarize(
    parseMetadata(
      text(
        '<properties',
        `  productPesIds="${product}"`,
        '  selfHelpType="supportTopicDescription"',
        `  articleId="supporttopics_${product}"`,
        '/>',
        '# Topics',
        '---',
        JSON.stringify({ $schema: 'SelfHelpContent', supportTopics: topics.map((id) => ({ id, shortDescription: id })) }),
        '---',
      ),
      { path },
    ),
  );
}
const article = (path: string, changes: Record<string, string | undefined>) => summarize(parseMetadata(generic(changes), { path }));

describe('duplicate-article-id', () => {
  it('names the other files on each, case-insensitively', () => {
    const findings = duplicateArticleId.checkProject(
      [article('b/two.md', { articleId: 'Reset-Password' }), article('a/one.md', { articleId: 'reset-password ' }), article('c.md', { articleId: 'other' })],
      undefined,
    );
    expect(findings.map((f) => `${f.path} ${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      'a/one.md 9:14 articleId "reset-password" is also the articleId of b/two.md',
      'b/two.md 9:14 articleId "Reset-Password" is also the articleId of a/one.md',
    ]);
  });
  it('lists the other files in code-unit order, the same in every locale (capitals before lower case)', () => {
    const findings = duplicateArticleId.checkProject(
      [article('docs/zeta.md', { articleId: 'same' }), article('docs/alpha.md', { articleId: 'same' }), article('docs/Beta.md', { articleId: 'same' })],
      undefined,
    );
    expect(findings.map((f) => `${f.path} ${f.message}`)).toEqual([
      'docs/Beta.md articleId "same" is also the articleId of docs/alpha.md and docs/zeta.md',
      'docs/alpha.md articleId "same" is also the articleId of docs/Beta.md and docs/zeta.md',
      'docs/zeta.md articleId "same" is also the articleId of docs/Beta.md and docs/alpha.md',
    ]);
  });
  it('ignores empty ids', () => {
    expect(duplicateArticleId.checkProject([article('a.md', { articleId: '' }), article('b.md', { articleId: '' })], undefined)).toEqual([]);
  });
});

describe('support-topic-registry', () => {
  const registryTree = [description(PRODUCT, [T1, T2], 'std/one.md'), description(OTHER, [T9], 'std/two.md')];
  it('reports a GUID topic the article\'s product does not declare, at the item', () => {
    const findings = supportTopicRegistry.checkProject(
      [...registryTree, article('a.md', { productPesIds: PRODUCT, supportTopicIds: `32612345, ${T1}, ${T9}, bbbb0000-0000-0000-0000-00000000000a` })],
      undefined,
    );
    expect(findings.map((f) => `${f.path} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`)).toEqual([
      `a.md 6:68-6:104 supportTopicIds: support topic "${T9}" belongs to product ${OTHER} (std/two.md), not to ${PRODUCT}`,
      `a.md 6:106-6:142 supportTopicIds: support topic "bbbb0000-0000-0000-0000-00000000000a" is not declared for product ${PRODUCT} (std/one.md)`,
    ]);
  });
  it('skips articles whose products the registry does not know', () => {
    expect(supportTopicRegistry.checkProject([...registryTree, article('a.md', { productPesIds: '16579', supportTopicIds: T9 })], undefined)).toEqual([]);
  });
  it('takes more products from a registry file or inline options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      const file = join(dir, 'registry.json');
      writeFileSync(file, JSON.stringify({ products: { '16579': [T1] } }));
      const tree = [...registryTree, article('a.md', { productPesIds: '16579', supportTopicIds: `${T1}, ${T2}` })];
      expect(supportTopicRegistry.checkProject(tree, { registry: file }).map((f) => f.message)).toEqual([
        `supportTopicIds: support topic "${T2}" belongs to product ${PRODUCT} (std/one.md), not to 16579`,
      ]);
      expect(supportTopicRegistry.checkProject(tree, { registry: { '16579': [T1, T2] } })).toEqual([]);
      expect(() => supportTopicRegistry.checkProject(tree, { registry: join(dir, 'missing.json') })).toThrow(/^support-topic-registry: cannot read the registry file .*missing\.json \(ENOENT\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('reports a topic declared by two products on both descriptions', () => {
    const findings = supportTopicRegistry.checkProject([description(PRODUCT, [T1], 'std/one.md'), description(OTHER, [T1.toUpperCase()], 'std/two.md')], undefined);
    expect(findings.map((f) => `${f.path} ${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      `std/one.md 2:18 support topic "${T1}" is also declared by product ${OTHER} (std/two.md)`,
      `std/two.md 2:18 support topic "${T1}" is also declared by product ${PRODUCT} (std/one.md)`,
    ]);
  });
});
