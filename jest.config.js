// One jest run for the whole monorepo: fast unit specs and integration specs against the real
// PostgreSQL, NATS and Redis of the machine. TypeScript is compiled by SWC to ESM, because the
// NestJS 12 packages are ESM-only.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  // TypeScript first: a stray compiled .js beside a .ts source must never shadow it.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@hydroml/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  rootDir: '.',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.int-spec.ts', '<rootDir>/**/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      globalSetup: '<rootDir>/libs/testing/jest/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/jest/global-teardown.js',
    },
  ],
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'libs/*/src/**/*.ts',
    'services/*/src/**/*.ts',
    'gateway/src/**/*.ts',
    '!**/main.ts',
    '!**/migrations/**',
    '!**/index.ts',
    '!**/*.spec.ts',
  ],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { lines: 80 } },
  testTimeout: 60000,
  // Two worker processes, even on two cores (jest would otherwise run everything in one process, where
  // the module registries of ~140 suites, most of them a whole platform, pile up until GC dominates);
  // a worker whose heap passes the limit after a suite is replaced by a fresh one.
  maxWorkers: 2,
  workerIdleMemoryLimit: '700MB',
};
