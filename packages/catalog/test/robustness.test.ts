// Hostile input: compiling never throws, whatever the text; what it renders is always sanitized.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { ArticleCompiler, ContentRoot } from '@selfhelp/catalog';
import { cleanup, project } from './helpers.js';

afterAll(cleanup);

const pieces = [
  '<properties articleId="x" selfHelpType="generic" ', '/>', '\n', '\r\n', '# ', '## ', '---\n', '{ "a": [1, {"b": null}] }', '{', '}', '[', ']', '(', ')',
  '<!--$t-->', '<!--/$t-->', '<!--issueDescription-->', '<!--/issueDescription-->', '<!--', '-->', '[!INCLUDE [x](inc.md)]', '[!INCLUDE [y](missing.md)]',
  '[!INCLUDE [me](a.md)]', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '</a>', '<svg onload=1>', '```', '    ',
  '| a | b |\n|---|---|\n', '> ', '- ', '1. ', '[l](data-blade:X.Y)', '[l](javascript:x)', '<br>', '<div>', '</div>', '&#106;', '\u0000', '\ufeff', 'text', ' ',
];

describe('robustness', () => {
  test('compiling arbitrary mixes of syntax never throws, and never emits an event handler or script', () => {
    const dir = project({ 'inc.md': 'Included [!INCLUDE [back](a.md)] text.\n' });
    const compiler = new ArticleCompiler(new ContentRoot(dir));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }), (parts) => {
        const file = compiler.compile('a.md', parts.join(''));
        if (file.outcome.status === 'ok') {
          expect(file.outcome.entry.html).not.toMatch(/<script|<svg|\son[a-z]+=|javascript:/i);
        } else if (file.outcome.status === 'invalid') {
          expect(file.outcome.errors.length).toBeGreaterThan(0);
          expect(file.outcome.errors.map((e) => e.code)).not.toContain('compile-failed');
        }
      }),
      { numRuns: 400, seed: 4242 },
    );
  });
});
