export type * from './types.js';
export { parseArticle } from './parse.js';
