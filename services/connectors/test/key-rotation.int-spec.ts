import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectorsContracts } from '@hydroml/contracts';
import { createTestDatabase, testEnvVars, type TestDatabase } from '@hydroml/testing';
import { caller, startConnectors, type RunningConnectors } from './connectors-service.js';
import { mariaConnectionTo, mariaSource, type MariaSource } from './source-databases.js';

const KEY_A = `a:${randomBytes(32).toString('base64')}`;
const KEY_B = `b:${randomBytes(32).toString('base64')}`;

/** Key rotation at boot: the service restarted with a new current key re-seals stored secrets. */
describe('connector key rotation', () => {
  let db: TestDatabase;
  let maria: MariaSource;
  let vars: Record<string, string>;
  let running: RunningConnectors | undefined;
  const alice = caller();

  async function boot(keys: string): Promise<RunningConnectors> {
    await stop();
    running = await startConnectors({ ...vars, CONNECTOR_KEYS: keys });
    return running;
  }
  async function stop(): Promise<void> {
    await running?.close();
    running = undefined;
  }
  async function stored(app: INestMicroservice, id: string) {
    const rows: Array<{ key_id: string; secret_encrypted: string }> = await app
      .get(DataSource)
      .query('SELECT key_id, secret_encrypted FROM connectors.connections WHERE id = $1', [id]);
    return rows[0];
  }

  beforeAll(async () => {
    [db, maria] = await Promise.all([createTestDatabase(), mariaSource()]);
    vars = testEnvVars(db.url);
  });
  afterAll(async () => {
    await stop();
    await Promise.all([db.drop(), maria.drop()]);
  });

  it('re-seals under the new key at boot, and the password still works under it alone', async () => {
    let { app, nats } = await boot(KEY_A);
    const { id } = await nats.request(ConnectorsContracts.create, mariaConnectionTo(maria), alice);
    const underA = await stored(app, id);
    expect(underA.key_id).toBe('a');
    expect((await nats.request(ConnectorsContracts.test, { id }, alice)).ok).toBe(true);

    ({ app, nats } = await boot(`${KEY_B},${KEY_A}`));
    const underB = await stored(app, id);
    expect(underB.key_id).toBe('b');
    expect(underB.secret_encrypted).not.toBe(underA.secret_encrypted);
    expect(underB.secret_encrypted).not.toContain(maria.password);
    expect((await nats.request(ConnectorsContracts.test, { id }, alice)).ok).toBe(true);

    ({ app, nats } = await boot(KEY_B));
    expect(await stored(app, id)).toEqual(underB);
    expect((await nats.request(ConnectorsContracts.test, { id }, alice)).ok).toBe(true);
  });
});
