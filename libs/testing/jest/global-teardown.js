// Drops every database this run made (see global-setup.js and createTestDatabase) and its Redis keys.
import pg from 'pg';
import { Redis } from 'ioredis';
import { adminUrl } from './global-setup.js';

export default async function globalTeardown() {
  const runId = process.env.HYDROML_TEST_RUN_ID;
  if (!runId) return;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `hydroml_test_${runId}%`,
  ]);
  for (const { datname } of rows)
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  for (const pattern of [`test:${runId}*`]) {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
}
