import { describe, expect, it } from 'vitest';
import { defineData } from '../src/safe-data.js';

describe('defineData', () => {
  it('makes every key an own enumerable data property, __proto__ included, without touching the prototype', () => {
    const target: Record<string, unknown> = {};
    for (const key of ['a', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__']) defineData(target, key, `v-${key}`);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['a', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__']);
    for (const key of Object.keys(target)) {
      expect(Object.getOwnPropertyDescriptor(target, key)).toEqual({ value: `v-${key}`, writable: true, enumerable: true, configurable: true });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(target)).toBe('{"a":"v-a","__proto__":"v-__proto__","constructor":"v-constructor","toString":"v-toString","hasOwnProperty":"v-hasOwnProperty","__defineGetter__":"v-__defineGetter__"}');
  });

  it('keeps an object value under __proto__ as data, not as the prototype', () => {
    const target: Record<string, unknown> = {};
    defineData(target, '__proto__', { polluted: true });
    defineData(target, 'later', 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect((target as { polluted?: unknown }).polluted).toBeUndefined();
    expect(target.later).toBe(1);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
