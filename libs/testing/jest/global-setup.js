// Gives this jest run an id: every database (hydroml_test_<runId>_*), NATS subject prefix
// (test_<runId>_*) and Redis key prefix (test:<runId>_*) a test makes carries it, so runs never
// collide and the global teardown can drop all of them.
import { randomBytes } from 'node:crypto';

export default async function globalSetup() {
  process.env.HYDROML_TEST_RUN_ID = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function adminUrl() {
  return process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
