import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { BaseEnv, loadEnv, startService } from '@hydroml/nest-kit';
import { createTestDatabase, testEnvVars } from '@hydroml/testing';
import { AppModule as AuthModule } from '../../auth/src/app.module.js';
import { AuthEnv } from '../../auth/src/auth-env.js';
import { AppModule as ProjectsModule } from '../../projects/src/app.module.js';
import { AppModule as DataToolsModule } from '../../data-tools/src/app.module.js';
import { DataToolsEnv } from '../../data-tools/src/data-tools-env.js';
import { createGateway } from '../../../gateway/src/bootstrap.js';
import { GatewayEnv } from '../../../gateway/src/gateway-env.js';
import { AppModule as ExperimentsModule } from '../src/app.module.js';
import { PgHpoStorage } from '../src/studies/persistence/pg-hpo-storage.js';
import { ExperimentsEnv } from '../src/training/experiments-env.js';

export interface Platform {
  baseUrl: string;
  /** What an experiments replica process needs in its environment. */
  env: Record<string, string>;
  hpoStorage(): PgHpoStorage;
  close(): Promise<void>;
}

/**
 * The platform without an in-process experiments service, whose replicas the test starts as
 * processes: auth, projects, data-tools and the gateway here; the experiments schema migrated once
 * (by starting and stopping the service) so replicas starting together never race on migrations.
 */
export async function startPlatform(extra: Record<string, string> = {}): Promise<Platform> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'hydroml-training-'));
  const vars = testEnvVars(db.url, {
    BLOB_DIR: join(dir, 'blobs'),
    DATA_TOOLS_WORK_DIR: join(dir, 'work'),
    EXPERIMENTS_WORK_DIR: join(dir, 'exp'),
    ...extra,
  });
  const base = loadEnv(BaseEnv, vars);
  const authEnv = loadEnv(AuthEnv, vars);
  const dataToolsEnv = loadEnv(DataToolsEnv, vars);
  const experimentsEnv = loadEnv(ExperimentsEnv, vars);
  const migrate = await startService(
    'experiments',
    ExperimentsModule.forRoot(experimentsEnv),
    experimentsEnv,
  );
  await migrate.close();
  const services: INestMicroservice[] = [
    await startService('auth', AuthModule.forRoot(authEnv), authEnv),
    await startService('projects', ProjectsModule.forRoot(base), base),
    await startService('data-tools', DataToolsModule.forRoot(dataToolsEnv), dataToolsEnv),
  ];
  const gateway: NestFastifyApplication = await createGateway(
    loadEnv(GatewayEnv, { ...vars, PORT: '0' }),
  );
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  const address = gateway.getHttpAdapter().getInstance().server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sql = new DataSource({
    type: 'postgres',
    url: vars.DATABASE_URL,
    extra: { options: '-c search_path=experiments' },
  });
  await sql.initialize();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    env: vars,
    hpoStorage: () => new PgHpoStorage(sql),
    close: async () => {
      await sql.destroy();
      await gateway.close();
      for (const service of services) await service.close();
      const nc = await connect({ servers: vars.NATS_URL });
      const jsm = await jetstreamManager(nc);
      for (const stream of [`${vars.NATS_SUBJECT_PREFIX}_JOBS`]) {
        await jsm.streams.delete(stream).catch(() => false);
      }
      await nc.close();
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    },
  };
}
