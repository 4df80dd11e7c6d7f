import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { jetstreamManager } from '@nats-io/jetstream';
import type { JobView } from '@hydroml/contracts';
import { JobEntity, JobQueue, JobStore } from '@hydroml/jobs';
import { loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import { FsBlobStore } from '@hydroml/storage';
import {
  connectTestNats,
  createTestDatabase,
  testEnvVars,
  type TestDatabase,
} from '@hydroml/testing';
import { AppModule } from '../src/app.module.js';
import { DataToolsEnv } from '../src/data-tools-env.js';
import { DuckEngine } from '../src/engine/duck-engine.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('data-tools ingestion reliability', () => {
  let db: TestDatabase;
  let dir: string;
  let vars: Record<string, string>;
  let env: DataToolsEnv;
  let nats: NatsClient;
  let blobs: FsBlobStore;
  const apps: INestMicroservice[] = [];
  let child: ChildProcess | undefined;

  const start = async () => {
    const app = await startService('data-tools', AppModule.forRoot(env), env);
    apps.push(app);
    return app;
  };

  async function enqueue(queue: JobQueue, dataSourceId: string, file: string): Promise<JobView> {
    const uploadKey = `uploads/${randomUUID()}`;
    await blobs.put(uploadKey, createReadStream(file));
    const payload = { dataSourceId, uploadKey, fileName: 'data.csv', options: {}, createdBy: null };
    return queue.enqueue('ingest', payload, {
      resource: { type: 'data_source', id: dataSourceId },
    });
  }

  async function settled(queue: JobQueue, id: string, timeoutMs = 60_000): Promise<JobView> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await queue.get(id);
      if (['succeeded', 'failed', 'cancelled'].includes(job.status) || Date.now() > until)
        return job;
      await sleep(100);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'dt-reliability-'));
    vars = testEnvVars(db.url, {
      BLOB_DIR: join(dir, 'blobs'),
      DATA_TOOLS_WORK_DIR: join(dir, 'work'),
      JOB_ACK_WAIT_MS: '1500',
      JOB_HEARTBEAT_MS: '300',
    });
    env = loadEnv(DataToolsEnv, vars);
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
    blobs = new FsBlobStore(env.BLOB_DIR);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    for (const app of apps.splice(0)) await app.close();
    const jsm = await jetstreamManager(nats.connection);
    await jsm.streams.delete(`${env.NATS_SUBJECT_PREFIX}_JOBS`).catch(() => false);
    await nats.connection.close();
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('shares jobs between two processes: each job runs once, versions are numbered 1..n', async () => {
    const first = await start();
    await start();
    const file = join(dir, 'small.csv');
    await writeFile(file, 'a,b\n1,x\n2,y\n');
    const dataSourceId = randomUUID();
    const queue = first.get(JobQueue);
    const jobs = await Promise.all(
      Array.from({ length: 6 }, () => enqueue(queue, dataSourceId, file)),
    );
    const done = await Promise.all(jobs.map((job) => settled(queue, job.id)));
    expect(done.map((job) => [job.status, job.attempts])).toEqual(jobs.map(() => ['succeeded', 1]));
    const rows: Array<{ version: number; job_id: string }> = await first
      .get(DataSource)
      .query('SELECT version, job_id FROM dataset_versions WHERE data_source_id = $1 ORDER BY 1', [
        dataSourceId,
      ]);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rows.map((r) => r.job_id)).size).toBe(6);
    expect(await blobs.list('uploads/')).toEqual([]);
  });

  it('finishes a job after its process is killed (-9) mid-ingestion, with exactly one version', async () => {
    const big = join(dir, 'big.csv');
    const engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '256MiB',
      tempDir: join(dir, 'gen'),
    });
    await engine.use((c) =>
      c.run(
        `COPY (SELECT range AS id, range * 0.5 AS x, 'label ' || (range % 97) AS s, DATE '2020-01-01' + (range % 1000)::INT AS d FROM range(1500000)) TO '${big}' (FORMAT csv, HEADER true)`,
      ),
    );
    engine.close();
    // Migrations and the stream exist before the child starts.
    const setup = await start();
    await setup.close();
    apps.splice(0);
    child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...vars }, stdio: 'ignore' });
    const rows = new DataSource({
      type: 'postgres',
      url: db.url,
      schema: 'data_tools',
      entities: [JobEntity],
    });
    await rows.initialize();
    const queue = new JobQueue('data-tools', new JobStore(rows, nats, () => undefined), nats);
    const dataSourceId = randomUUID();
    const job = await enqueue(queue, dataSourceId, big);
    let seen = await queue.get(job.id);
    for (let i = 0; i < 300 && !(seen.status === 'running' && seen.progress >= 0.2); i += 1) {
      await sleep(20);
      seen = await queue.get(job.id);
    }
    expect(seen.status).toBe('running');
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    child = undefined;
    const survivor = await start();
    const versionsOf = () =>
      survivor
        .get(DataSource)
        .query('SELECT id FROM dataset_versions WHERE data_source_id = $1', [dataSourceId]);
    const done = await settled(survivor.get(JobQueue), job.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { version: 1, rows: 1_500_000 } });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(await versionsOf()).toHaveLength(1);
    expect(await blobs.list(`datasets/${dataSourceId}/`)).toEqual([
      `datasets/${dataSourceId}/${job.id}.parquet`,
    ]);
    expect(await blobs.list('uploads/')).toEqual([]);
    await rows.destroy();
  }, 120_000);
});
