import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { healthContract, type ServiceName } from '@hydroml/contracts';
import { BaseEnv, loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import {
  connectTestNats,
  createTestDatabase,
  testEnvVars,
  type TestDatabase,
} from '@hydroml/testing';
import { AppModule as DataToolsModule } from '../../services/data-tools/src/app.module.js';
import { AppModule as ExperimentsModule } from '../../services/experiments/src/app.module.js';

const SKELETONS: Array<[ServiceName, typeof DataToolsModule, string]> = [
  ['data-tools', DataToolsModule, 'data_tools'],
  ['experiments', ExperimentsModule, 'experiments'],
];

describe.each(SKELETONS)('the %s skeleton', (service, module, schema) => {
  let db: TestDatabase;
  let app: INestMicroservice;
  let nats: NatsClient;
  const healthPort = 41000 + Math.floor(Math.random() * 2000);

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = loadEnv(BaseEnv, testEnvVars(db.url, { HEALTH_PORT: String(healthPort) }));
    app = await startService(service, module.forRoot(env), env);
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
  });
  afterAll(async () => {
    await nats.connection.close();
    await app.close();
    await db.drop();
  });

  it('boots, migrates its own schema and answers its health subject', async () => {
    const report = await nats.request(healthContract(service), {}, { correlationId: 'int' });
    expect(report).toMatchObject({
      service,
      status: 'ok',
      checks: { postgres: 'ok', redis: 'ok' },
    });
    const tables: Array<{ table_name: string }> = await app
      .get(DataSource)
      .query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
    expect(tables.map((t) => t.table_name)).toEqual(['migrations', 'service_info']);
  });

  it('serves liveness, readiness and metrics over HTTP for probes', async () => {
    const base = `http://127.0.0.1:${healthPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ checks: { postgres: true, redis: true, nats: true } });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('hydroml_nats_handler_seconds');
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
