// GFM's syntax and tree extensions, loaded on the first body that may use GFM; bundled by the build as
// markdown.ts is (about 50 ms of module loading down to about 5).
export { gfm } from 'micromark-extension-gfm';
export { gfmFromMarkdown } from 'mdast-util-gfm';
