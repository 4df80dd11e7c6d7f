export * from './ast.js';
export * from './formula-error.js';
export * from './lexer.js';
export * from './parser.js';
export * from './types.js';
export * from './functions.js';
export * from './compile-formula.js';
export * from './formula-columns.js';
