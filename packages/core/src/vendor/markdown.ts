// The third-party modules every Markdown parse needs, in one place. The build bundles this file into a
// single module (scripts/bundle.mjs): Node loads some 150 small ES modules behind these exports
// one by one (resolve, read, compile each), about 70 ms of every process's start-up; one bundled module
// takes about 13 ms. Running from the TypeScript sources (tests), the packages load as they are.
export { default as remarkParse } from 'remark-parse';
export { unified } from 'unified';
export { toString } from 'mdast-util-to-string';
