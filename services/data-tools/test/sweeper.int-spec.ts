import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { jetstreamManager } from '@nats-io/jetstream';
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
import { Sweeper } from '../src/jobs/sweeper.js';

const HOUR = 3600_000;

describe('the crash sweep', () => {
  let db: TestDatabase;
  let dir: string;
  let env: DataToolsEnv;
  let nats: NatsClient;
  let blobs: FsBlobStore;
  let app: INestMicroservice;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'dt-sweep-'));
    const vars = testEnvVars(db.url, {
      BLOB_DIR: join(dir, 'blobs'),
      DATA_TOOLS_WORK_DIR: join(dir, 'work'),
    });
    env = loadEnv(DataToolsEnv, vars);
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
    blobs = new FsBlobStore(env.BLOB_DIR);
    app = await startService('data-tools', AppModule.forRoot(env), env);
  });

  afterAll(async () => {
    await app.close();
    const jsm = await jetstreamManager(nats.connection);
    await jsm.streams.delete(`${env.NATS_SUBJECT_PREFIX}_JOBS`).catch(() => false);
    await nats.connection.close();
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  async function job(status: string, result: object | null = null): Promise<string> {
    const id = randomUUID();
    await app
      .get(DataSource)
      .query(
        `INSERT INTO jobs (id, kind, status, payload, max_attempts, result) VALUES ($1, 'ingest', $2, '{}', 3, $3)`,
        [id, status, result === null ? null : JSON.stringify(result)],
      );
    return id;
  }

  const put = (key: string) => blobs.put(key, Readable.from([Buffer.from('x')]));

  it('removes what dead jobs left and keeps what live jobs and versions use', async () => {
    const ds = randomUUID();
    const [dead, live, expired, valid] = [
      await job('failed'),
      await job('running'),
      await job('succeeded', { expiresAt: new Date(Date.now() - 1000).toISOString() }),
      await job('succeeded', { expiresAt: new Date(Date.now() + HOUR).toISOString() }),
    ];
    await put(`datasets/${ds}/${dead}.parquet`);
    await put(`sources/${ds}/${dead}`);
    await put(`datasets/${ds}/${live}.parquet`);
    await put(`exports/job-${expired}.csv`);
    await put(`exports/job-${valid}.csv`);
    await put(`exports/direct-${Date.now() - 2 * HOUR}-${randomUUID()}`);
    const fresh = `exports/direct-${Date.now()}-${randomUUID()}`;
    await put(fresh);
    const oldUpload = `uploads/${randomUUID()}`;
    const newUpload = `uploads/${randomUUID()}`;
    await put(oldUpload);
    await put(newUpload);
    const old = new Date(Date.now() - 2 * 24 * HOUR);
    await utimes((await blobs.localPath(oldUpload))!, old, old);
    for (const name of [dead, live])
      await mkdir(join(env.DATA_TOOLS_WORK_DIR, 'jobs', name), { recursive: true });
    await writeFile(join(env.DATA_TOOLS_WORK_DIR, 'jobs', live, 'output.parquet'), 'x');

    await app.get(Sweeper).sweep();

    expect((await blobs.list('')).sort()).toEqual(
      [`datasets/${ds}/${live}.parquet`, `exports/job-${valid}.csv`, fresh, newUpload].sort(),
    );
    expect(await readdir(join(env.DATA_TOOLS_WORK_DIR, 'jobs'))).toEqual([live]);
  });
});
