// Shared fast-check inputs for the parser's property tests (unit run) and the long fuzz run
// (test/fuzz/parse.fuzz.test.ts): random fragment soups, random strings, and mutated fixtures.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Article } from '@selfhelp/core';
import { assertRangesValid, textAt } from './helpers.js';

export const selfhelp = [
  '<properties',
  '  pageTitle="Restart a stuck job"',
  "  description='Steps &amp; checks'",
  '  selfHelpType="diagnostics"',
  '  supportTopicIds="0a1b2c3d-1111-4222-8333-444455556666"',
  '/>',
  '# Restart a stuck job',
  '',
  '<!--issueDescription-->',
  'At <!--$startTime-->start<!--/$startTime-->, job <!-- $jobName -->job<!--/$jobName--> stopped.',
  '<!--/issueDescription-->',
  '',
  '## **Recommended Steps**',
  '',
  '[!INCLUDE [Shared](../includes/shared.md)]',
  'Read [the guide](https://learn.microsoft.com/azure/) or [here] (./local.md). <a href="#x">X</a>',
  '',
  '---',
  '{ "title": "Form", "items": [1, 2, {"a": null}] }',
  '---',
  '',
].join('\n');

export const learn = '---\ntitle: A page\nms.date: 01/02/2024\ntags: [a, b]\n---\n# A page\n\nText ![img](media/a.png)\n';

const fragments = [
  '<properties', '/>', '>', '<tags', '"', "'", '=', ' ', '\t', '\n', '\r\n', '\r', '\uFEFF', 'key', 'selfHelpType',
  '&amp;', '&', '&#65;', '<!--', '-->', '<!--$a-->', '<!--/$a-->', '<!--issueDescription-->', '<!--/issueDescription-->',
  '---', '{', '}', '[', ']', '(', ')', '"x":', ',', '# ', '## ', '!', '[!INCLUDE [t](p.md)]', '[AZURE.INCLUDE [', 'https://',
  'ttps:', '`', '```', '> ', '- ', '1. ', '*', '_', '<a href="', '<img src=', 'x', '\u00e9', '\ud83d\ude00', '\ud800', ':', '...',
];

const randomText = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

type Mutation = { kind: 'truncate' | 'insert' | 'delete'; at: number; text: string } | { kind: 'bom' | 'crlf' | 'cr' };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), text: fc.constant('') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), text: fc.constant('') }),
  fc.constantFrom({ kind: 'bom' as const }, { kind: 'crlf' as const }, { kind: 'cr' as const }),
);

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    if (m.kind === 'bom') s = '\uFEFF' + s;
    else if (m.kind === 'crlf') s = s.replace(/\r?\n/g, '\r\n');
    else if (m.kind === 'cr') s = s.replace(/\r?\n/g, '\r');
    else if ('at' in m) {
      const at = s.length === 0 ? 0 : m.at % (s.length + 1);
      if (m.kind === 'truncate') s = s.slice(0, at);
      else if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
      else s = s.slice(0, at) + s.slice(at + 1);
    }
  }
  return s;
}

export const input = fc.oneof(
  randomText,
  fc.string({ maxLength: 200 }),
  fc.tuple(fc.constantFrom(selfhelp, learn), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([s, ms]) => mutate(s, ms)),
);

export function checkArticle(a: Article): void {
  assertRangesValid(a);
  for (const attr of [...(a.properties?.attributes ?? []), ...(a.properties?.tags?.attributes ?? [])]) {
    expect(textAt(a.source, attr.keyRange)).toBe(attr.key);
    expect(textAt(a.source, attr.valueRange)).toBe(attr.rawValue);
  }
  const fm = a.frontmatter;
  for (const e of fm?.entries ?? []) {
    // YAML keys are resolved values (folded, unescaped): check placement, not text.
    expect(e.keyRange.start.offset).toBeGreaterThanOrEqual(fm!.contentRange.start.offset);
    expect(e.valueRange.end.offset).toBeLessThanOrEqual(fm!.contentRange.end.offset);
  }
  for (const t of a.tokens) {
    expect(textAt(a.source, t.defaultRange)).toBe(t.defaultText);
    expect(textAt(a.source, t.range).startsWith('<!--')).toBe(true);
    expect(textAt(a.source, t.range).endsWith('-->')).toBe(true);
  }
  for (const r of a.issueDescriptions) expect(textAt(a.source, r.contentRange)).toBe(r.text);
  for (const i of a.includes) expect(textAt(a.source, i.pathRange)).toBe(i.path);
  for (const c of a.comments) expect(textAt(a.source, c.range)).toBe(`<!--${c.text}-->`);
  for (const l of a.links) {
    const written = textAt(a.source, l.range);
    if (l.hrefRange && (l.origin !== 'markdown' || written.startsWith('[') || written.startsWith('!'))) {
      expect(textAt(a.source, l.hrefRange)).toBe(l.href);
    }
  }
}

