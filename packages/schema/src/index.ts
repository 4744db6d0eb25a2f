export * from './normalize.js';
export { validateArticle, metadataSchemaName, type ValidatableArticle } from './validate.js';
export { validateJsonBody, bodySchemaName, parsedBody } from './json-body.js';
export { ruleFor, VALIDATION_RULE_IDS, type Finding } from './finding.js';
export { positionAt, rangeAt, positionFrom, rangeFrom } from './positions.js';
export { suggest, editDistance } from './suggest.js';
export { metadataView, locateMetadata, type MetadataView, type FieldView } from './metadata-view.js';
export { splitField, splitText, valueSpan, decodeEntities, type ListItem, type ListSeparator, type SplitList, type ValueSpan } from './list.js';
export { SupportTopicRegistry, parseRegistryFile, type RegistryEntry } from './registry.js';
