import { randomBytes } from 'node:crypto';
import { testRunId } from './test-database.js';

/**
 * Environment for services started inside a test: the test's own database, NATS subject prefix
 * and Redis key prefix, so concurrent test files and runs never see each other's messages or keys.
 */
export function testEnvVars(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const unique = `${testRunId()}_${randomBytes(3).toString('hex')}`;
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_SUBJECT_PREFIX: `test_${unique}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `test:${unique}:`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ARGON2_MEMORY_KIB: '8192',
    SHUTDOWN_GRACE_MS: '0',
    ...extra,
  };
}
