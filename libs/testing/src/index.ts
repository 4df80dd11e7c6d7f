export * from './test-database.js';
export * from './test-env.js';
export * from './builders.js';
export * from './test-nats.js';
export * from './error-code.js';
export * from './free-port.js';
