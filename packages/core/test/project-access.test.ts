import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectAccess, type ProjectAccess } from '@selfhelp/core';

describe('createProjectAccess', () => {
  let base: string;
  let root: string;
  let project: ProjectAccess;

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'selfhelp-core-'));
    root = path.join(base, 'content');
    mkdirSync(path.join(root, 'articles', 'vm'), { recursive: true });
    mkdirSync(path.join(root, 'includes'));
    writeFileSync(path.join(root, 'articles', 'vm', 'restart.md'), '<properties selfHelpType="generic" />\n# Restart\n');
    writeFileSync(path.join(root, 'includes', 'shared steps.md'), 'Shared text.\n');
    writeFileSync(path.join(base, 'secret.md'), '# outside\n');
    symlinkSync(path.join(base, 'secret.md'), path.join(root, 'includes', 'escape.md'));
    symlinkSync(path.join(root, 'includes', 'shared steps.md'), path.join(root, 'includes', 'inside-link.md'));
    project = createProjectAccess(root);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('resolves relative targets, stripping query and fragment and decoding %20', () => {
    expect(project.root).toBe(path.resolve(root));
    expect(project.resolve('articles/vm/restart.md', '../../includes/shared%20steps.md?tabs=a#step-2')).toBe('includes/shared steps.md');
    expect(project.resolve('articles/vm/restart.md', './other.md')).toBe('articles/vm/other.md');
    expect(project.resolve('articles/vm/restart.md', '#anchor')).toBe('articles/vm/restart.md');
    expect(project.resolve('articles/vm/restart.md', '..\\..\\includes\\a.md')).toBe('includes/a.md');
  });

  it('refuses targets that leave the root, absolute targets, URLs and NUL bytes', () => {
    expect(project.resolve('articles/vm/restart.md', '../../../secret.md')).toBeUndefined();
    expect(project.resolve('articles/vm/restart.md', '/etc/passwd')).toBeUndefined();
    expect(project.resolve('articles/vm/restart.md', 'C:\\Windows\\win.ini')).toBeUndefined();
    expect(project.resolve('articles/vm/restart.md', 'https://example.com/a.md')).toBeUndefined();
    expect(project.resolve('articles/vm/restart.md', 'a\0.md')).toBeUndefined();
    expect(project.resolve('articles/vm/restart.md', 'a%00.md')).toBeUndefined();
  });

  it('exists() is true only for regular files inside the root (real paths)', () => {
    expect(project.exists('includes/shared steps.md')).toBe(true);
    expect(project.exists('includes/inside-link.md')).toBe(true);
    expect(project.exists('includes/escape.md')).toBe(false);
    expect(project.exists('includes')).toBe(false);
    expect(project.exists('missing.md')).toBe(false);
    expect(project.exists('../secret.md')).toBe(false);
    expect(project.exists(path.join(base, 'secret.md'))).toBe(false);
  });

  it('article() parses and caches, and never reads outside the root', () => {
    const a = project.article('articles/vm/restart.md');
    expect(a?.title?.text).toBe('Restart');
    expect(a?.path).toBe('articles/vm/restart.md');
    expect(project.article('articles/vm/restart.md')).toBe(a);
    expect(project.article('includes/escape.md')).toBeUndefined();
    expect(project.article('../secret.md')).toBeUndefined();
  });
});
