export type * from './types.js';
export { parseArticle } from './parse.js';
export { applyEdits, type TextEdit } from './edits.js';
