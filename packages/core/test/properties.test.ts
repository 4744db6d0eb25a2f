import { describe, expect, it } from 'vitest';
import { getMeta, parseArticle, parseMetadata } from '@selfhelp/core';
import { assertRangesValid, lc, textAt } from './helpers.js';

// Original fixture in the self-help format, with the quirks real files have: a leading space,
// CRLF, a tab, `key = 'value'`, an unescaped `&`, a key in upper case, a duplicated key, a value
// over two lines and a legacy <tags> block.
const tolerant = [
  ' <properties',
  '\tpageTitle="Reset a stuck gateway"',
  "  description = 'Steps & tips'",
  '  ARTICLEID="0b1c2d3e-0000-4000-8000-00000000000a"',
  '  articleId="dup"',
  '  multi="first',
  'second"',
  '/>',
  '<tags ms.service="vpn-gateway" />',
  '',
  '# Reset a stuck gateway',
  '',
].join('\r\n');

describe('<properties> block', () => {
  const a = parseArticle(tolerant, { path: 'dir\\gateway.md' });
  const attrs = a.properties!.attributes;

  it('is a selfhelp article with the path in / form', () => {
    expect(a.kind).toBe('selfhelp');
    expect(a.path).toBe('dir/gateway.md');
    expect(a.eol).toBe('\r\n');
    expect(a.properties!.closed).toBe(true);
  });

  it('keeps exact key and value ranges (offsets, lines, columns)', () => {
    const [title, description] = attrs;
    expect(title!.key).toBe('pageTitle');
    expect(title!.keyRange).toEqual({ start: { line: 2, column: 2, offset: 15 }, end: { line: 2, column: 11, offset: 24 } });
    expect(title!.valueRange).toEqual({ start: { line: 2, column: 13, offset: 26 }, end: { line: 2, column: 34, offset: 47 } });
    expect(title!.range).toEqual({ start: { line: 2, column: 2, offset: 15 }, end: { line: 2, column: 35, offset: 48 } });
    expect(title!.quote).toBe('"');
    expect(description!.key).toBe('description');
    expect(description!.keyRange.start).toEqual({ line: 3, column: 3, offset: 52 });
    expect(description!.valueRange).toEqual({ start: { line: 3, column: 18, offset: 67 }, end: { line: 3, column: 30, offset: 79 } });
    expect(description!.quote).toBe("'");
    expect(description!.value).toBe('Steps & tips');
  });

  it('round-trips every key and raw value', () => {
    for (const attr of attrs) {
      expect(textAt(a.source, attr.keyRange)).toBe(attr.key);
      expect(textAt(a.source, attr.valueRange)).toBe(attr.rawValue);
    }
    assertRangesValid(a);
  });

  it('reads multi-line values, any key case, and duplicated keys (last wins in getMeta)', () => {
    expect(attrs.map((x) => x.key)).toEqual(['pageTitle', 'description', 'ARTICLEID', 'articleId', 'multi']);
    expect(attrs[4]!.value).toBe('first\r\nsecond');
    expect(lc(attrs[4]!.valueRange)).toBe('6:10-7:7');
    expect(getMeta(a, 'articleid')!.value).toBe('dup');
    expect(getMeta(a, 'ArticleId')!.keyRange.start.line).toBe(5);
    expect(getMeta(a, 'missing')).toBeUndefined();
  });

  it('records the block range and the legacy <tags> block', () => {
    expect(lc(a.properties!.range)).toBe('1:2-8:3');
    expect(textAt(a.source, a.properties!.tags!.range)).toBe('<tags ms.service="vpn-gateway" />');
    expect(a.properties!.tags!.attributes[0]!.value).toBe('vpn-gateway');
    expect(a.metadata.map((m) => m.key)).not.toContain('ms.service');
  });

  it('reports the unescaped & and the duplicated key, and nothing else', () => {
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual([
      'properties-unescaped-ampersand 3:24-3:25',
      'properties-duplicate-key 5:3-5:12',
    ]);
    expect(a.diagnostics[1]!.message).toBe('"articleId" is repeated (first on line 4); the last value is used.');
  });

  it('starts the body after the <tags> block and parses it', () => {
    expect(a.bodyRange.start).toEqual({ line: 9, column: 34, offset: a.source.indexOf('/>\r\n\r\n#') + 2 });
    expect(a.title!.text).toBe('Reset a stuck gateway');
    expect(lc(a.title!.range)).toBe('11:1-11:24');
  });
});

describe('<properties> edge cases', () => {
  it('decodes XML entities and numeric references, keeping rawValue', () => {
    const a = parseArticle('<properties pageTitle="A &amp; B &#169; &#x41; &lt;x&gt; &quot;q&apos;" />\n');
    const attr = a.properties!.attributes[0]!;
    expect(attr.value).toBe('A & B \u00a9 A <x> "q\'');
    expect(attr.rawValue).toBe('A &amp; B &#169; &#x41; &lt;x&gt; &quot;q&apos;');
    expect(a.diagnostics).toEqual([]);
  });

  it('keeps unknown entities as written and never expands DOCTYPE or entity declarations', () => {
    const source = `<properties a="&xxe; &lol9;" b='<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol9 "&lol8;&lol8;">]>' />\n`;
    const a = parseArticle(source);
    const [x, y] = a.properties!.attributes;
    expect(x!.value).toBe('&xxe; &lol9;');
    expect(y!.value).toBe('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol9 "&lol8;&lol8;">]>');
    expect(a.diagnostics.map((d) => d.code)).toEqual([
      'properties-unknown-entity',
      'properties-unknown-entity',
      'properties-invalid-character',
      'properties-unknown-entity',
      'properties-unknown-entity',
    ]);
    expect(textAt(source, a.diagnostics[0]!.range)).toBe('&xxe;');
  });

  it('records where fast-xml-parser decodes differently (the scanner wins)', () => {
    const a = parseArticle('<properties a="x&#0;y" />\n');
    expect(a.properties!.attributes[0]!.value).toBe('x&#0;y');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual([
      'properties-decode-mismatch 1:16-1:22',
      'properties-unescaped-ampersand 1:17-1:18',
    ]);
  });

  it('tolerates a BOM, blank lines and spaces before the block', () => {
    const a = parseArticle('\uFEFF\n\n   <properties selfHelpType="generic" />\n# T\n');
    expect(a.bom).toBe(true);
    expect(a.source.startsWith('\n\n   <properties')).toBe(true);
    expect(a.selfHelpType).toBe('generic');
    expect(lc(a.properties!.range)).toBe('3:4-3:41');
    expect(a.properties!.attributes[0]!.valueRange.start).toEqual({ line: 3, column: 30, offset: 31 });
  });

  it('ends an unclosed block before the body and still parses the body', () => {
    const source = '<properties\n  pageTitle="A"\n  selfHelpType="generic"\n\n# Heading\n';
    const a = parseArticle(source);
    expect(a.properties!.closed).toBe(false);
    expect(a.properties!.attributes).toHaveLength(2);
    expect(lc(a.properties!.range)).toBe('1:1-3:25');
    expect(a.diagnostics.map((d) => `${d.code} ${d.severity} ${lc(d.range)}`)).toEqual(['properties-unclosed error 1:1-3:25']);
    expect(a.title!.text).toBe('Heading');
    expect(a.title!.range.start.line).toBe(5);
  });

  it('reports an unclosed block at the end of the file', () => {
    const a = parseArticle('<properties a="1"');
    expect(a.properties!.closed).toBe(false);
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['properties-unclosed 1:1-1:18']);
  });

  it('cuts a value whose quote is never closed at the end of its line', () => {
    const source = '<properties\n  ms.author="someone\n  selfHelpType="generic"\n/>\n';
    const a = parseArticle(source);
    const attrs = a.properties!.attributes;
    expect(attrs.map((x) => [x.key, x.value])).toEqual([
      ['ms.author', 'someone'],
      ['selfHelpType', 'generic'],
    ]);
    expect(a.properties!.closed).toBe(true);
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['properties-unterminated-value 2:13-2:21']);
  });

  it('reads unquoted values, valueless keys, stray quotes and ">" endings with diagnostics', () => {
    const a = parseArticle('<properties a=1 b c="x"" d="y">\n</properties>\n# T\n');
    expect(a.properties!.attributes.map((x) => [x.key, x.value, x.quote])).toEqual([
      ['a', '1', ''],
      ['b', '', ''],
      ['c', 'x', '"'],
      ['d', 'y', '"'],
    ]);
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual([
      'properties-unquoted-value 1:13-1:16',
      'properties-missing-value 1:17-1:18',
      'properties-stray-text 1:24-1:25',
      'properties-not-self-closing 1:31-1:32',
    ]);
    expect(textAt(a.source, a.properties!.range)).toBe('<properties a=1 b c="x"" d="y">\n</properties>');
    expect(a.title!.text).toBe('T');
  });

  it('separates attributes written without a space, with a diagnostic', () => {
    const a = parseArticle('<properties a="1"b="2" />');
    expect(a.properties!.attributes.map((x) => x.value)).toEqual(['1', '2']);
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['properties-missing-space 1:18-1:19']);
  });

  it('reads a block that comes after a comment or the H1, with a warning', () => {
    const source = '<!-- for the other topic -->\n# Title first\n\n<properties\n  selfHelpType="tsg_content"\n/>\n\nText <!--$a-->x<!--/$a-->\n';
    const a = parseArticle(source);
    expect(a.kind).toBe('selfhelp');
    expect(a.selfHelpType).toBe('tsg_content');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['properties-not-first 4:1-4:12']);
    expect(a.title?.text).toBe('Title first');
    expect(a.comments.map((c) => c.text)).toEqual([' for the other topic ']);
    expect(a.tokens.map((t) => t.name)).toEqual(['a']);
    expect(lc(a.bodyRange)).toBe('6:3-9:1');
  });

  it('is not a properties block after a code fence', () => {
    const a = parseArticle('Example:\n\n```xml\n<properties a="1" />\n```\n');
    expect(a.kind).toBe('fragment');
    expect(a.properties).toBeUndefined();
  });

  it('handles a 1 MB value and thousands of attributes exactly', () => {
    const big = 'v'.repeat(1 << 20);
    const a = parseMetadata(`<properties a="${big}" />`);
    expect(a.properties!.attributes[0]!.value.length).toBe(1 << 20);
    expect(a.properties!.attributes[0]!.valueRange.end.offset).toBe(15 + (1 << 20));
    const many = Array.from({ length: 5000 }, (_, i) => `k${i}="v${i}"`).join('\n');
    const b = parseMetadata(`<properties\n${many}\n/>`);
    expect(b.properties!.attributes).toHaveLength(5000);
    const last = b.properties!.attributes[4999]!;
    expect(last.key).toBe('k4999');
    expect(lc(last.valueRange)).toBe('5001:8-5001:13');
    expect(b.diagnostics).toEqual([]);
  });
});
