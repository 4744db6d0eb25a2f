import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFileStream, writeFileAtomic } from '@selfhelp/lint';
import { tempTree } from './helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('atomic writes', () => {
  it('replace a file whole, keep its mode, leave no temporary file', () => {
    const t = tempTree({ 'a.md': 'old' });
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'a.md');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new \u00e9');
    expect(readFileSync(file, 'utf8')).toBe('new \u00e9');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(t.dir)).toEqual(['a.md']);
    // Pieces of bytes are written one after another (the cache's lines), without being joined first.
    writeFileAtomic(file, [Buffer.from('one\n'), new Uint8Array(0), Buffer.from('two \u00e9', 'utf8')], { flush: false });
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo \u00e9');
    expect(readdirSync(t.dir)).toEqual(['a.md']);
  });

  it('a stream shows nothing at the target until commit, and abort leaves the old file', () => {
    const t = tempTree({ 'report.txt': 'previous' });
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'report.txt');
    const stream = new AtomicFileStream(file);
    stream.write('part 1, ');
    stream.write('part 2');
    expect(readFileSync(file, 'utf8')).toBe('previous');
    stream.commit();
    expect(readFileSync(file, 'utf8')).toBe('part 1, part 2');
    const aborted = new AtomicFileStream(file);
    aborted.write('never');
    aborted.abort();
    expect(readFileSync(file, 'utf8')).toBe('part 1, part 2');
    expect(readdirSync(t.dir)).toEqual(['report.txt']);
  });

  it('a stream gathers small chunks into 64 Ki-unit writes, and writes every byte of a large multi-byte text', () => {
    const t = tempTree({});
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'big.txt');
    const stream = new AtomicFileStream(file);
    const [temp] = readdirSync(t.dir);
    const chunk = 'line \u00e9\u4e2d\ud83d\ude00 of a report\n'; // 2-, 3- and 4-byte UTF-8
    const bytes = Buffer.byteLength(chunk);
    const perWrite = Math.ceil(65536 / chunk.length); // chunks gathered before a write
    for (let i = 0; i < perWrite - 1; i++) stream.write(chunk);
    expect(statSync(join(t.dir, temp!)).size).toBe(0); // nothing written yet
    stream.write(chunk);
    expect(statSync(join(t.dir, temp!)).size).toBe(perWrite * bytes); // one write of the gathered chunks
    for (let i = perWrite; i < 6000; i++) stream.write(chunk);
    stream.commit();
    expect(readFileSync(file, 'utf8')).toBe(chunk.repeat(6000));
    expect(readdirSync(t.dir)).toEqual(['big.txt']);
  });
});
