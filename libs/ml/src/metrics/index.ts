export * from './regression.js';
export * from './classification.js';
export { completePairs, type Pairs } from './pairs.js';
