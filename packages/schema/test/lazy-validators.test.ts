import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const validatorsUrl = new URL('../generated/validators.js', import.meta.url).href;

describe('generated validators', () => {
  it("load a schema's module on its validator's first call, and hand on its errors", () => {
    // A fresh process: the module cache of the test runner is shared with other tests.
    const script = `
      import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).filter((k) => k.includes('validators')).map((k) => k.split(/[\\\\/]/).pop()).sort();
      const v = await import(${JSON.stringify(validatorsUrl)});
      const out = { before: loaded(), names: Object.keys(v).length };
      const keys = () => v.generic.errors.map((e) => e.keyword + ' ' + (e.params.missingProperty ?? ''));
      out.invalid = v.generic({});
      out.errors = keys();
      out.afterOne = loaded();
      out.again = v.generic({ 'ms.author': 'contoso', authors: 'contoso', authorAlias: 'contoso' });
      out.errorsAgain = keys();
      out.afterSame = loaded();
      v.learn({});
      out.afterTwo = loaded();
      console.log(JSON.stringify(out));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' })) as Record<string, unknown>;
    expect(out.before).toEqual([]);
    expect(out.names).toBe(21);
    expect(out.invalid).toBe(false);
    expect((out.errors as string[]).slice(0, 3)).toEqual(['required ms.author', 'required authors', 'required authorAlias']);
    expect(out.afterOne).toEqual(['generic.cjs']);
    // The second call's errors, not the first's: the wrapper copies them after every call.
    expect(out.again).toBe(false);
    const again = out.errorsAgain as string[];
    expect(again).toContain('required pageTitle');
    expect(again.filter((e) => ['required ms.author', 'required authors', 'required authorAlias'].includes(e))).toEqual([]);
    expect(out.afterSame).toEqual(['generic.cjs']);
    expect(out.afterTwo).toEqual(['generic.cjs', 'learn.cjs']);
  });
});
