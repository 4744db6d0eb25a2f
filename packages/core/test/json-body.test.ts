import { describe, expect, it } from 'vitest';
import { parseArticle, parseMetadata, type JsonNode } from '@selfhelp/core';
import { assertRangesValid, lc, textAt } from './helpers.js';

const form = [
  '<properties',
  '  pageTitle="Backup questions"',
  '  selfHelpType="problemScopingQuestions"',
  '/>',
  '# Backup questions',
  '---',
  '{',
  '  "title": "Backup questions",',
  '  "formElements": [',
  '    { "id": "start_time", "order": 1, "required": true, "weight": 1.50 },',
  '    { "id": "details", "hint": null }',
  '  ]',
  '}',
  '---',
  '',
].join('\n');

function member(node: JsonNode | undefined, name: string): JsonNode | undefined {
  return node?.type === 'object' ? node.members.find((m) => m.name === name)?.value : undefined;
}

describe('JSON bodies', () => {
  it('parses the JSON between --- fences with exact ranges', () => {
    const a = parseArticle(form);
    expect(a.jsonBodies).toHaveLength(1);
    const body = a.jsonBodies[0]!;
    expect(lc(body.range)).toBe('6:1-14:4');
    expect(lc(body.contentRange)).toBe('7:1-14:1');
    expect(body.value).toEqual({
      title: 'Backup questions',
      formElements: [
        { id: 'start_time', order: 1, required: true, weight: 1.5 },
        { id: 'details', hint: null },
      ],
    });
    const ast = body.ast!;
    expect(ast.type).toBe('object');
    if (ast.type !== 'object') return;
    expect(ast.members[0]!.nameRange).toEqual({ start: { line: 8, column: 3, offset: 114 }, end: { line: 8, column: 10, offset: 121 } });
    const elements = member(ast, 'formElements');
    expect(elements?.type).toBe('array');
    if (elements?.type !== 'array') return;
    const weight = member(elements.elements[0], 'weight')!;
    expect(weight).toMatchObject({ type: 'number', value: 1.5, raw: '1.50' });
    expect(lc(weight.range)).toBe('10:67-10:71');
    expect(textAt(a.source, member(elements.elements[1], 'id')!.range)).toBe('"details"');
    expect(a.diagnostics).toEqual([]);
    assertRangesValid(a);
  });

  it('the JSON is not part of the Markdown tree', () => {
    const a = parseArticle(form);
    expect(a.headings.map((h) => h.text)).toEqual(['Backup questions']);
    expect(a.tree.children.map((n) => n.type)).toEqual(['heading']);
    // The blank tail (the JSON body) is not fed to micromark, but the root still spans the file.
    expect(a.tree.position!.end).toEqual({ line: 15, column: 1, offset: form.length });
  });

  it('reports a syntax error at its position', () => {
    const source = '# T\n---\n{\n  "a": 1,\n  "b" 2\n}\n---\n';
    const a = parseArticle(source);
    expect(a.jsonBodies[0]!.value).toBeUndefined();
    expect(a.jsonBodies[0]!.ast).toBeUndefined();
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['json-syntax 5:7-5:8']);
    expect(a.diagnostics[0]!.message).toBe('JSON: Unexpected token Number found.');
  });

  it('reports an unclosed body and still parses it', () => {
    const a = parseArticle('# T\n---\n{"a": [1, 2]}\n');
    expect(a.jsonBodies[0]!.value).toEqual({ a: [1, 2] });
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['json-body-unclosed 2:1-2:4']);
  });

  it('refuses deep nesting before parsing', () => {
    const a = parseArticle('# T\n---\n' + '['.repeat(100000) + '\n---\n');
    expect(a.jsonBodies[0]!.value).toBeUndefined();
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['json-too-deep 3:257-3:258']);
  });

  it('keeps __proto__ and constructor as own data, and reports duplicate keys', () => {
    const a = parseArticle('# T\n---\n{"__proto__": {"polluted": 1}, "constructor": 2, "x": 1, "x": 2}\n---\n');
    const value = a.jsonBodies[0]!.value as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(value)).toEqual(['__proto__', 'constructor', 'x']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value['x']).toBe(2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['json-duplicate-key 3:58-3:61']);
  });

  it('a thematic break before ordinary text is not a JSON body', () => {
    const a = parseArticle('# T\n\n---\n\n[A link](https://learn.microsoft.com/azure/)\n\n---\n');
    expect(a.jsonBodies).toEqual([]);
    expect(a.links).toHaveLength(1);
  });

  it('parseMetadata reads JSON bodies too', () => {
    const m = parseMetadata(form);
    expect(m.jsonBodies[0]!.value).toMatchObject({ title: 'Backup questions' });
    expect('tree' in m).toBe(false);
  });
});
