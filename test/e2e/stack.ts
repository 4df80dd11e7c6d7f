import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BaseEnv, loadEnv, startService } from '@hydroml/nest-kit';
import { createTestDatabase, testEnvVars } from '@hydroml/testing';
import { AppModule as AuthModule } from '../../services/auth/src/app.module.js';
import { AuthEnv } from '../../services/auth/src/auth-env.js';
import { AppModule as ProjectsModule } from '../../services/projects/src/app.module.js';
import { AppModule as ConnectorsModule } from '../../services/connectors/src/app.module.js';
import { ConnectorsEnv } from '../../services/connectors/src/connectors-env.js';
import { AppModule as DataToolsModule } from '../../services/data-tools/src/app.module.js';
import { DataToolsEnv } from '../../services/data-tools/src/data-tools-env.js';
import { AppModule as ExperimentsModule } from '../../services/experiments/src/app.module.js';
import { ExperimentsEnv } from '../../services/experiments/src/training/experiments-env.js';
import { createGateway } from '../../gateway/src/bootstrap.js';
import { GatewayEnv } from '../../gateway/src/gateway-env.js';

export interface Stack {
  baseUrl: string;
  env: Record<string, string>;
  /** Temporary directory of the blob store (BLOB_DIR = dataDir/blobs) and data-tools' work. */
  dataDir: string;
  gateway: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The whole platform in this process, on the machine's real PostgreSQL, NATS and Redis: its own
 * database, subject prefix and key prefix; the gateway listens on a free port.
 */
export async function startStack(extra: Record<string, string> = {}): Promise<Stack> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'hydroml-stack-'));
  const vars = testEnvVars(db.url, {
    TRUST_PROXY: 'true',
    BLOB_DIR: join(dataDir, 'blobs'),
    DATA_TOOLS_WORK_DIR: join(dataDir, 'work'),
    ...extra,
  });
  const dataToolsEnv = loadEnv(DataToolsEnv, vars);
  const base = loadEnv(BaseEnv, vars);
  const authEnv = loadEnv(AuthEnv, vars);
  const connectorsEnv = loadEnv(ConnectorsEnv, vars);
  const experimentsEnv = loadEnv(ExperimentsEnv, {
    EXPERIMENTS_WORK_DIR: join(dataDir, 'exp'),
    ...vars,
  });
  const services: INestMicroservice[] = [
    await startService('auth', AuthModule.forRoot(authEnv), authEnv),
    await startService('projects', ProjectsModule.forRoot(base), base),
    await startService('connectors', ConnectorsModule.forRoot(connectorsEnv), connectorsEnv),
    await startService('data-tools', DataToolsModule.forRoot(dataToolsEnv), dataToolsEnv),
    await startService('experiments', ExperimentsModule.forRoot(experimentsEnv), experimentsEnv),
  ];
  const gateway = await createGateway(loadEnv(GatewayEnv, { ...vars, PORT: '0' }));
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  const address = gateway.getHttpAdapter().getInstance().server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    env: vars,
    dataDir,
    gateway,
    close: async () => {
      await gateway.close();
      for (const service of services) await service.close();
      await dropJetStream(vars.NATS_URL, vars.NATS_SUBJECT_PREFIX);
      await rm(dataDir, { recursive: true, force: true });
      await db.drop();
    },
  };
}

/** The run's JetStream streams (jobs, blobs) are removed with the stack. */
async function dropJetStream(url: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (const stream of [`${prefix}_JOBS`, `OBJ_${prefix}_blobs`]) {
      await jsm.streams.delete(stream).catch(() => false);
    }
  } finally {
    await nc.close();
  }
}
