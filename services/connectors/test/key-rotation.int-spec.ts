import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectorsContracts, type CallContext } from '@hydroml/contracts';
import { loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import {
  connectTestNats,
  createTestDatabase,
  testEnvVars,
  type TestDatabase,
} from '@hydroml/testing';
import { AppModule } from '../src/app.module.js';
import { ConnectorsEnv } from '../src/connectors-env.js';
import { mariaConnectionTo, mariaSource, type MariaSource } from './source-databases.js';

const KEY_A = `a:${randomBytes(32).toString('base64')}`;
const KEY_B = `b:${randomBytes(32).toString('base64')}`;

/** Key rotation at boot: the service restarted with a new current key re-seals stored secrets. */
describe('connector key rotation', () => {
  let db: TestDatabase;
  let maria: MariaSource;
  let vars: Record<string, string>;
  let running: { app: INestMicroservice; nats: NatsClient } | undefined;
  const alice: CallContext = {
    correlationId: 'int',
    principal: { userId: randomUUID(), username: 'u', scopes: ['read', 'write'], via: 'jwt' },
  };

  async function boot(keys: string): Promise<{ app: INestMicroservice; nats: NatsClient }> {
    await stop();
    const env = loadEnv(ConnectorsEnv, { ...vars, CONNECTOR_KEYS: keys });
    const app = await startService('connectors', AppModule.forRoot(env), env);
    running = { app, nats: await connectTestNats(env.NATS_SUBJECT_PREFIX) };
    return running;
  }
  async function stop(): Promise<void> {
    if (!running) return;
    await running.nats.connection.close();
    await running.app.close();
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
