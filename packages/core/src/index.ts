export type * from './types.js';
export { parseArticle, parseMetadata } from './parse.js';
export { applyEdits, type TextEdit } from './edits.js';
export { getMeta, getMetaString } from './metadata.js';
export { createProjectAccess } from './project-access.js';
export { LineIndex } from './line-index.js';
export { classifyHref } from './link-kind.js';
export { isCommentOnlyHtml } from './markers.js';
export { decodeText, readTextFile, sniffEncoding, type TextEncodingName } from './text-file.js';
