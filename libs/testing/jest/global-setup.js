// Gives this jest run its own PostgreSQL database and NATS subject prefix, so runs never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export default async function globalSetup() {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `hydroml_test_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.HYDROML_TEST_RUN_ID = runId;
  process.env.DATABASE_URL = withDatabase(adminUrl(), database);
  process.env.NATS_SUBJECT_PREFIX = `test_${runId}`;
  process.env.REDIS_KEY_PREFIX = `test:${runId}:`;
}

export function adminUrl() {
  return process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
