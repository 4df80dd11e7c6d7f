export * from './filter-values.js';
export * from './filter-model.js';
export * from './grid-request.js';
export * from './sort-model.js';
export * from './seek.js';
export * from './grid-query.js';
export * from './parse-grid-request.js';
