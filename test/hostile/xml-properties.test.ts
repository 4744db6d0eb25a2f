// Hostile XML in the `<properties>` block: DOCTYPE entity bombs, external entities, deep nesting,
// a 1 MB value, thousands of attributes. The block is read by a linear scanner that decodes only
// XML's five entities and numeric references: nothing is ever expanded, fetched or read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { CANARY, buildTree, cleanupSandboxes, isUnder, lintTree, sandbox, selfhelp, watchFileReads } from './helpers.js';

afterAll(cleanupSandboxes);

/** Ten levels of entities, each ten times the one before: 10^9 "lol"s if anything expanded them. */
const LAUGHS_DTD = [
  '<!DOCTYPE properties [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

describe('XML in <properties>', () => {
  it('entity references of a billion-laughs DOCTYPE are kept as written, with a finding, never expanded', async () => {
    const box = sandbox({
      // The DTD as the file's first text, then the block.
      'doctype-first.md': `${LAUGHS_DTD}\n${selfhelp('LaughsFirst', '# Title\n\nBody.\n', '\n  infoBubbleText="&lol9;"')}`,
      // References to entities a DTD would have declared, with no DTD.
      'references.md': selfhelp('Laughs', '# Title\n\nBody.\n', '\n  infoBubbleText="&lol9;"'),
    });
    const source = readFileSync(join(box.root, 'references.md'), 'utf8');
    const article = parseArticle(source, { path: 'references.md' });
    const attr = article.properties!.attributes.find((a) => a.key === 'infoBubbleText')!;
    expect(attr.value).toBe('&lol9;');
    const at = source.indexOf('&lol9;');
    const line = source.slice(0, at).split('\n').length;
    const column = at - source.lastIndexOf('\n', at - 1);
    expect(article.diagnostics).toEqual([
      {
        code: 'properties-unknown-entity',
        message: '"&lol9;" is not an XML entity; it is kept as written.',
        severity: 'warning',
        range: { start: { line, column, offset: at }, end: { line, column: column + 6, offset: at + 6 } },
      },
    ]);

    const first = parseArticle(readFileSync(join(box.root, 'doctype-first.md'), 'utf8'));
    for (const a of [article, first]) expect(allStrings(a).some((s) => s.includes('lollol'))).toBe(false);
    // A declaration as the file's first text is an error; the block after it is read (not first: a
    // warning), its references kept as written.
    expect(first.kind).toBe('selfhelp');
    expect(first.properties!.attributes.find((a) => a.key === 'infoBubbleText')!.value).toBe('&lol9;');
    expect(first.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column])).toEqual([
      ['markup-declaration', 'error', 1, 1],
      ['properties-not-first', 'warning', 13, 1],
      ['properties-unknown-entity', 'warning', 19, 19],
    ]);
    expect(first.diagnostics[0]!.message).toBe('A DOCTYPE or XML declaration does not belong in an article; it is ignored (entities are never expanded).');
    expect(first.diagnostics[0]!.range.end.column).toBe(23);
    expect(parseArticle('\n  <?xml version="1.0"?>\n<properties a="b"/>\n').diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ['markup-declaration', 2, 3],
      ['properties-not-first', 3, 1],
    ]);

    const run = await lintTree(box.root, ['references.md', 'doctype-first.md']);
    const parseFindings = run.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'parse').map((m) => m.message));
    expect(parseFindings).toEqual([
      'A DOCTYPE or XML declaration does not belong in an article; it is ignored (entities are never expanded).',
      'The <properties> block should be the first thing in the file.',
      '"&lol9;" is not an XML entity; it is kept as written.',
      '"&lol9;" is not an XML entity; it is kept as written.',
    ]);
    expect(JSON.stringify(run.results)).not.toContain('lollol');

    const build = await buildTree(box);
    const catalog = readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8');
    expect(catalog).not.toContain('lollol');
    expect(catalog).not.toContain('<!ENTITY');
    expect(build.written).toBe(true);
  });

  it('a DOCTYPE inside the block is a finding (the block is unreadable), never a declaration', () => {
    const source = `<properties <!DOCTYPE p [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]> articleId="&lol2;"/>\n\n# Title\n`;
    const article = parseArticle(source);
    expect(article.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column])).toEqual([['properties-unclosed', 'error', 1, 1]]);
    expect(article.properties!.attributes).toEqual([]);
    expect(allStrings(article).some((s) => s.includes('lollol'))).toBe(false);
  });

  it('external entities (SYSTEM file:///etc/passwd, a file outside the root) are never read', async () => {
    const box = sandbox();
    const dtd = `<!DOCTYPE properties [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n  <!ENTITY canary SYSTEM "file://${box.canary}">\n  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;\n]>`;
    box.write({
      'external-first.md': `${dtd}\n${selfhelp('ExternalFirst', '# Title\n\nBody &xxe; &canary;\n', '\n  infoBubbleText="&xxe;&canary;"')}`,
      'external.md': selfhelp('External', '# Title\n\nBody &xxe; &canary;\n', '\n  infoBubbleText="&xxe;&canary;"'),
      'inside.md': `<properties ${dtd} articleId="&xxe;"/>\n\n# Title\n`,
    });
    const watch = watchFileReads();
    let outputs: string;
    try {
      const run = await lintTree(box.root, ['external-first.md', 'external.md', 'inside.md'], { fix: true });
      await buildTree(box);
      outputs = JSON.stringify(run.results) + readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8');
    } finally {
      watch.stop();
    }
    expect(watch.paths.filter((p) => p === '/etc/passwd' || isUnder(box.outside, p))).toEqual([]);
    expect(outputs).not.toContain(CANARY);
    expect(outputs).not.toMatch(/root:.*:0:0:/);
    const attr = parseArticle(readFileSync(join(box.root, 'external.md'), 'utf8')).properties!.attributes.find((a) => a.key === 'infoBubbleText')!;
    expect(attr.value).toBe('&xxe;&canary;');
  });

  it('deeply nested tags in and around the block are one finding each, in linear time', () => {
    const depth = 100_000;
    const inValue = selfhelp('Nested', '# Title\n', `\n  infoBubbleText="${'<a>'.repeat(depth)}"`);
    const article = parseArticle(inValue);
    const at = inValue.indexOf('<a>');
    expect(article.diagnostics.map((d) => [d.code, d.range.start.offset])).toEqual([['properties-invalid-character', at]]);
    expect(article.properties!.attributes.find((a) => a.key === 'infoBubbleText')!.value).toHaveLength(3 * depth);

    const nestedBlocks = `<properties ${'<properties '.repeat(depth / 10)}/>\n# Title\n`;
    const nested = parseArticle(nestedBlocks);
    expect(nested.diagnostics.map((d) => [d.code, d.severity])).toEqual([['properties-unclosed', 'error']]);
    expect(nested.properties!.attributes).toEqual([]);
  });

  it('a 1 MB attribute value is kept whole; lint and build finish with findings, not a crash', async () => {
    const big = 'd'.repeat(1 << 20);
    const box = sandbox({ 'big.md': selfhelp('BigValue', '# Title\n\nBody.\n', `\n  infoBubbleText="${big}"\n  hugeKey="${big}"`) });
    const article = parseArticle(readFileSync(join(box.root, 'big.md'), 'utf8'));
    expect(article.properties!.attributes.find((a) => a.key === 'infoBubbleText')!.value).toBe(big);
    const run = await lintTree(box.root, ['big.md']);
    const unknown = run.results[0]!.messages.filter((m) => m.ruleId === 'metadata-unknown-key');
    expect(unknown.map((m) => [m.message, m.line, m.column])).toEqual([['hugeKey: unknown key', 8, 3]]);
    const build = await buildTree(box);
    expect(build.written).toBe(true);
    expect(build.articles).toBe(1);
  });

  it('thousands of attributes are each read once, with a finding per unknown key', async () => {
    const count = 5000;
    const extra = Array.from({ length: count }, (_, i) => ` k${i}="v${i}"`).join('');
    const box = sandbox({ 'many.md': selfhelp('ManyAttributes', '# Title\n\nBody.\n', `\n ${extra}`) });
    const source = readFileSync(join(box.root, 'many.md'), 'utf8');
    const article = parseArticle(source);
    expect(article.properties!.attributes).toHaveLength(count + 5);
    expect(article.properties!.attributes.at(-1)).toMatchObject({ key: `k${count - 1}`, value: `v${count - 1}` });
    const run = await lintTree(box.root, ['many.md']);
    const unknown = run.results[0]!.messages.filter((m) => m.ruleId === 'metadata-unknown-key');
    expect(unknown).toHaveLength(count);
    expect(unknown[0]).toMatchObject({ message: 'k0: unknown key', line: 7, column: 3 });

    // The same key thousands of times: a duplicate-key finding per repeat, capped at 1000 parse
    // problems per file (then one `diagnostics-truncated`).
    const dup = parseArticle(selfhelp('Dup', '# Title\n', `\n ${' k="v"'.repeat(count)}`));
    expect(dup.diagnostics.filter((d) => d.code === 'properties-duplicate-key')).toHaveLength(1000);
    expect(dup.diagnostics.at(-1)).toMatchObject({ code: 'diagnostics-truncated', message: 'More than 1000 parse problems; the rest are not reported.' });
    expect(dup.properties!.attributes).toHaveLength(count + 5);
  });
});
