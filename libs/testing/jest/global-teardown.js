// Drops the database this run made (see global-setup.js) and the run's Redis keys.
import pg from 'pg';
import { Redis } from 'ioredis';
import { adminUrl } from './global-setup.js';

export default async function globalTeardown() {
  const runId = process.env.HYDROML_TEST_RUN_ID;
  if (!runId) return;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "hydroml_test_${runId}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  const keys = await redis.keys(`${process.env.REDIS_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
