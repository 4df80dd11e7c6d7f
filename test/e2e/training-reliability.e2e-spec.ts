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
import { AppModule as AuthModule } from '../../services/auth/src/app.module.js';
import { AuthEnv } from '../../services/auth/src/auth-env.js';
import { AppModule as ProjectsModule } from '../../services/projects/src/app.module.js';
import { AppModule as DataToolsModule } from '../../services/data-tools/src/app.module.js';
import { DataToolsEnv } from '../../services/data-tools/src/data-tools-env.js';
import { createGateway } from '../../gateway/src/bootstrap.js';
import { GatewayEnv } from '../../gateway/src/gateway-env.js';
import { AppModule as ExperimentsModule } from '../../services/experiments/src/app.module.js';
import { PgHpoStorage } from '../../services/experiments/src/studies/persistence/pg-hpo-storage.js';
import { ExperimentsEnv } from '../../services/experiments/src/training/experiments-env.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import request from 'supertest';
import type { JobView, StudyView } from '@hydroml/contracts';
import { checkStorageContract } from '@hydroml/hpo';
import { signUp, type TestUser } from './client.js';

interface Platform {
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
async function startPlatform(extra: Record<string, string> = {}): Promise<Platform> {
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

const MAIN = fileURLToPath(new URL('../../services/experiments/dist/main.js', import.meta.url));
const SEATTLE = fileURLToPath(
  new URL('../../node_modules/vega-datasets/data/seattle-weather.csv', import.meta.url),
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Experiments replicas as separate processes (the compiled service, worker threads included). */
function replica(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

describe('studies across experiments replicas', () => {
  let platform: Platform;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const children: ChildProcess[] = [];

  async function job(id: string): Promise<JobView> {
    for (let i = 0; i < 300; i += 1) {
      const res = await request(platform.baseUrl).get(`/api/v1/jobs/${id}`).set(owner.auth);
      if (['succeeded', 'failed', 'cancelled'].includes(res.body.status))
        return res.body as JobView;
      await sleep(100);
    }
    throw new Error('job did not finish');
  }

  async function study(id: string): Promise<StudyView> {
    const res = await request(platform.baseUrl).get(`/api/v1/studies/${id}`).set(owner.auth);
    return res.body as StudyView;
  }

  beforeAll(async () => {
    platform = await startPlatform({ JOB_ACK_WAIT_MS: '2000', JOB_HEARTBEAT_MS: '300' });
    children.push(replica(platform.env), replica(platform.env));
    owner = await signUp(platform.baseUrl);
    const project = await request(platform.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Replicas' })
      .expect(201);
    projectId = project.body.id;
    const upload = await request(platform.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', 'Seattle')
      .attach('file', SEATTLE)
      .expect(201);
    const ingest = await job(upload.body.job.id);
    if (ingest.status !== 'succeeded') throw new Error(`upload failed: ${ingest.error?.message}`);
    dataSourceId = upload.body.dataSource.id;
    // The replicas answer once booted (an unknown training is then 404, not 503).
    for (let i = 0; i < 200; i += 1) {
      const probe = await request(platform.baseUrl)
        .get(`/api/v1/trainings/${randomUUID()}`)
        .set(owner.auth);
      if (probe.status === 404) break;
      await sleep(100);
    }
    await sleep(3000);
  }, 90_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await platform?.close();
  });

  it('keeps the PostgreSQL HPO storage to libs/hpo storage contract', async () => {
    await expect(checkStorageContract(platform.hpoStorage())).resolves.toBeUndefined();
  });

  it('finishes the budget after kill -9 of a replica running a trial, counting no trial twice', async () => {
    const res = await request(platform.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: {
          dataSourceId,
          version: 1,
          target: 'temp_max',
          features: ['precipitation', 'temp_min', 'wind', 'weather'],
          model: { type: 'random_forest', params: { nEstimators: 60 } },
          validation: { mode: 'kfold', folds: 3 },
        },
        search: [{ name: 'minSamplesLeaf', type: 'int', low: 1, high: 5 }],
        sampler: { type: 'random', seed: 1 },
        budget: { trials: 4 },
        parallelism: 2,
      });
    expect({ status: res.status, body: res.status === 202 ? null : res.body }).toEqual({
      status: 202,
      body: null,
    });
    const id = res.body.study.id as string;
    const pids = new Set(children.map((c) => `${hostname()}:${c.pid}`));
    let victim: ChildProcess | undefined;
    for (let i = 0; i < 400 && !victim; i += 1) {
      const running = (await study(id)).trials.filter((t) => t.state === 'RUNNING' && t.worker);
      const onChild = running.find((t) => pids.has(t.worker!));
      if (running.length === 2 && onChild) {
        victim = children.find((c) => `${hostname()}:${c.pid}` === onChild.worker);
      } else await sleep(50);
    }
    expect(victim).toBeDefined();
    victim!.kill('SIGKILL');
    let final = await study(id);
    // (a request may meet the moment of the kill: keep polling until the study ends)
    for (let i = 0; i < 600 && !['FINISHED', 'FAILED'].includes(final.status); i += 1) {
      await sleep(200);
      final = await study(id);
    }
    expect(final).toMatchObject({ status: 'FINISHED' });
    const retried = final.trials.filter((t) => t.failReason?.includes('worker stopped'));
    const counted = final.trials.filter((t) => !retried.includes(t));
    expect(retried.length).toBeGreaterThanOrEqual(1);
    expect(retried.every((t) => t.state === 'FAIL')).toBe(true);
    expect(counted).toHaveLength(4);
    expect(counted.map((t) => [t.state, t.failReason])).toEqual(
      counted.map(() => ['COMPLETE', null]),
    );
    const db = new pg.Client({ connectionString: platform.env.DATABASE_URL });
    await db.connect();
    const jobs = await db.query(
      `SELECT system_attrs->>'job_id' AS job, count(*) FILTER (WHERE NOT system_attrs ? 'retried') AS n
       FROM experiments.hpo_trials WHERE study_id = $1 GROUP BY 1`,
      [id],
    );
    await db.end();
    expect(jobs.rows).toHaveLength(4);
    expect(jobs.rows.every((r: { n: string }) => r.n === '1')).toBe(true);
  }, 240_000);
});
