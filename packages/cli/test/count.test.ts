import { describe, expect, it } from 'vitest';
import { grouped } from '../src/count.js';

describe('grouped', () => {
  it('writes whole numbers with thousands separators, as toLocaleString("en-US") does', () => {
    const samples = [0, 7, 42, 999, 1000, 5971, 14400, 999999, 1000000, 1234567, -1, -1234];
    expect(samples.map(grouped)).toEqual(['0', '7', '42', '999', '1,000', '5,971', '14,400', '999,999', '1,000,000', '1,234,567', '-1', '-1,234']);
    for (const n of samples) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});
