import { isAbsolute, relative } from 'node:path';
import { toPosix } from '../paths.js';

/** The path relative to cwd with `/`; absolute when it is outside cwd. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return toPosix(filePath);
  return toPosix(rel);
}
