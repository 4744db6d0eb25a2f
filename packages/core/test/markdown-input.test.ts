// The Markdown parser's input: the source with the metadata block and JSON bodies blanked, without a
// long blank tail. Checked against the plain definition: blank the whole source, then cut the blank tail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankRegions, markdownInput } from '../src/markdown.js';

const RUNS = Number(process.env['CORE_PROPERTY_RUNS'] ?? 300);

/** The definition: blank everything, then cut after the last line that is not blank when the tail is longer than 256. */
function reference(source: string, regions: [number, number][]): string {
  const blanked = blankRegions(source, regions);
  let i = blanked.length;
  while (i > 0 && ' \t\n\r'.includes(blanked[i - 1] as string)) i--;
  let cut = blanked.length;
  for (; i < blanked.length; i++) {
    if (blanked[i] === '\n') {
      cut = i + 1;
      break;
    }
    if (blanked[i] === '\r') {
      cut = blanked[i + 1] === '\n' ? i + 2 : i + 1;
      break;
    }
  }
  return cut < blanked.length - 256 ? blanked.slice(0, cut) : blanked;
}

describe('markdownInput', () => {
  it('leaves out a trailing JSON body longer than 256 characters, cut at its line start', () => {
    const json = '```json\n' + '{"a": 1}\n'.repeat(40) + '```\n';
    const source = 'Text\n\n' + json + '\n';
    const start = source.indexOf('```');
    expect(markdownInput(source, [[start, start + json.length]])).toBe('Text\n');
  });

  it('keeps a blank tail of 256 characters or less, blanked', () => {
    const source = '# T\n' + '```json\n{"a": 1}\n```\n';
    expect(markdownInput(source, [[4, source.length]])).toBe('# T\n' + '       \n        \n   \n');
  });

  it('jumps over a region in the middle and keeps text after it', () => {
    const source = '<properties a="1"/>\nBody\r\n' + ' '.repeat(300) + '\r\n';
    expect(markdownInput(source, [[0, 19]])).toBe(' '.repeat(19) + '\nBody\r\n');
  });

  it('a file that is all metadata keeps its first line, blanked', () => {
    const source = '---\ntitle: x\n---\n' + ' \n'.repeat(200);
    expect(markdownInput(source, [[0, 16]])).toBe('   \n');
  });

  it('blankRegions stops at the given end, inside a region too', () => {
    expect(blankRegions('ab\ncd\nef', [[1, 7]], 4)).toBe('a \n ');
    expect(blankRegions('abcdef', [], 3)).toBe('abc');
  });

  it('is the blanked source without its long blank tail (fast-check)', () => {
    const char = fc.constantFrom('a', ' ', '\t', '\n', '\r', '#', '{');
    const text = fc.array(fc.oneof(char, fc.constantFrom(' '.repeat(120), '\n'.repeat(90), '{"k": 1}\r\n'.repeat(20))), { maxLength: 60 }).map((parts) => parts.join(''));
    const input = text.chain((source) =>
      fc.tuple(
        fc.constant(source),
        // Regions inside the file: sorted as the parser makes them, or not; some empty or overlapping.
        fc.tuple(fc.array(fc.tuple(fc.nat(source.length), fc.nat(source.length)), { maxLength: 4 }), fc.boolean()).map(([pairs, sorted]) => {
          const regions = pairs.map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
          return sorted ? regions.sort((x, y) => x[0] - y[0]) : regions;
        }),
      ),
    );
    fc.assert(
      fc.property(input, ([source, regions]) => {
        expect(markdownInput(source, regions)).toBe(reference(source, regions));
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
