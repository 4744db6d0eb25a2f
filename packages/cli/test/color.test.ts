import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorEnabled } from '../src/color.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('colorEnabled', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('colours a terminal and not a pipe by default', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    expect(colorEnabled(tty)).toBe(true);
    expect(colorEnabled(pipe)).toBe(false);
  });

  it('NO_COLOR (non-empty) turns colour off, even with FORCE_COLOR', () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', '1');
    expect(colorEnabled(tty)).toBe(false);
    vi.stubEnv('NO_COLOR', '');
    expect(colorEnabled(pipe)).toBe(true);
  });

  it('FORCE_COLOR turns colour on for a pipe, except FORCE_COLOR=0', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(colorEnabled(pipe)).toBe(true);
    vi.stubEnv('FORCE_COLOR', '0');
    expect(colorEnabled(pipe)).toBe(false);
    expect(colorEnabled(tty)).toBe(true);
  });
});
