export * from './normalize.js';
export { positionAt, rangeAt } from './positions.js';
export { splitField, splitText, valueSpan, decodeEntities, type ListItem, type ListSeparator, type SplitList, type ValueSpan } from './list.js';
