import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestMicroservice } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/transport-node';
import {
  SessionsContracts as S,
  type CallContext,
  type JobView,
  type SessionStateView,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
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
import { SessionEdits } from '../src/sessions/session-edits.service.js';
import { SessionsService } from '../src/sessions/sessions.service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const below = (n: number) => ({
  op: 'rows.filter',
  params: { filterModel: { id: { filterType: 'number', type: 'lessThan', filter: n } } },
});
const formula = (expression: string, as: string) => ({
  op: 'formula.column',
  params: { expression, as },
});
const PAGE = { startRow: 0, endRow: 2, sortModel: [{ colId: 'id', sort: 'desc' }] };

/**
 * Sessions live in PostgreSQL, not in a process: they outlive a data-tools restart and any replica
 * on the same database and subjects serves them. The projects service is stood in for by a
 * responder that grants access (access rules are tested end to end elsewhere).
 */
describe('studio sessions across restarts and replicas', () => {
  let db: TestDatabase;
  let dir: string;
  let env: DataToolsEnv;
  let nats: NatsClient;
  let grants: Subscription;
  let dataSourceId: string;
  const apps: INestMicroservice[] = [];
  const call: CallContext = {
    correlationId: 'sessions-durability',
    principal: { userId: randomUUID(), username: 'tester', scopes: ['read', 'write'], via: 'jwt' },
  };

  const start = async () => {
    const app = await startService('data-tools', AppModule.forRoot(env), env);
    apps.push(app);
    return app;
  };
  /** Waits until a data-tools process answers on NATS (its subscriptions reach the server). */
  async function answering(): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      try {
        await nats.request(S.list, { dataSourceId }, call);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'unavailable') throw error;
      }
      await sleep(50);
    }
    throw new Error('data-tools does not answer');
  }
  const stop = async (app: INestMicroservice) => {
    await app.close();
    apps.splice(apps.indexOf(app), 1);
  };

  async function settled(queue: JobQueue, id: string): Promise<JobView> {
    for (let i = 0; i < 600; i += 1) {
      const job = await queue.get(id);
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await sleep(100);
    }
    throw new Error(`job ${id} did not finish`);
  }

  /** Ingests 200 rows (id 0..199, x = id / 4, s) as version 1 of a new data source. */
  async function ingest(app: INestMicroservice): Promise<string> {
    const file = join(dir, 'rows.csv');
    const lines = ['id,x,s', ...Array.from({ length: 200 }, (_, i) => `${i},${i / 4},s${i % 7}`)];
    await writeFile(file, lines.join('\n') + '\n');
    const id = randomUUID();
    const uploadKey = `uploads/${randomUUID()}`;
    await new FsBlobStore(env.BLOB_DIR).put(uploadKey, createReadStream(file));
    const queue = app.get(JobQueue);
    const job = await queue.enqueue(
      'ingest',
      { dataSourceId: id, uploadKey, fileName: 'rows.csv', options: {}, createdBy: null },
      { resource: { type: 'data_source', id } },
    );
    expect((await settled(queue, job.id)).status).toBe('succeeded');
    return id;
  }

  const names = (state: SessionStateView) => state.schema.map((c) => c.name);

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'dt-sessions-'));
    env = loadEnv(
      DataToolsEnv,
      testEnvVars(db.url, {
        BLOB_DIR: join(dir, 'blobs'),
        DATA_TOOLS_WORK_DIR: join(dir, 'work'),
      }),
    );
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
    grants = nats.connection.subscribe(nats.subject('projects.access.check'), {
      callback: (_error, msg) => {
        msg.respond(
          JSON.stringify({ response: { allowed: true, role: 'owner' }, isDisposed: true }),
        );
      },
    });
    const app = await start();
    dataSourceId = await ingest(app);
    await stop(app);
  }, 60_000);

  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    grants.unsubscribe();
    const jsm = await jetstreamManager(nats.connection);
    await jsm.streams.delete(`${env.NATS_SUBJECT_PREFIX}_JOBS`).catch(() => false);
    await nats.connection.close();
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('keeps a session through a restart: its steps, undo, redo and rows', async () => {
    const first = await start();
    await answering();
    const opened = await nats.request(S.open, { dataSourceId, version: 1 }, call);
    const sessionId = opened.id;
    await nats.request(S.applyStep, { sessionId, ...below(50) }, call);
    await nats.request(S.applyStep, { sessionId, ...formula('x * 2', 'x2') }, call);
    await nats.request(S.undo, { sessionId }, call);
    await stop(first);

    await start();
    await answering();
    const kept = await nats.request(S.get, { sessionId }, call);
    expect(kept).toMatchObject({ head: 1, revision: expect.any(Number) });
    expect(kept.steps.map((s) => s.op)).toEqual(['rows.filter', 'formula.column']);
    expect(names(kept)).toEqual(['id', 'x', 's']);
    const redone = await nats.request(S.redo, { sessionId }, call);
    expect(redone.head).toBe(2);
    expect(names(redone)).toEqual(['id', 'x', 's', 'x2']);
    const rows = await nats.request(S.rows, { sessionId, request: PAGE }, call);
    expect(rows.rowCount).toBe(50);
    expect(rows.rowData.map((r) => [r.id, r.x2])).toEqual([
      ['49', 24.5],
      ['48', 24],
    ]);
    const undone = await nats.request(S.undo, { sessionId }, call);
    expect(undone.head).toBe(1);
    const third = await nats.request(S.applyStep, { sessionId, ...formula('x + 1', 'x1') }, call);
    // A new step after an undo drops the redo tail, after the restart as before it.
    expect(third.steps.map((s) => s.params.as ?? s.op)).toEqual(['rows.filter', 'x1']);
    expect(third.head).toBe(2);
  });

  it('serves one session from two replicas: a step applied through one is seen by the other', async () => {
    const [a, b] = [await start(), await start()];
    const opened = await a.get(SessionsService).open(call, { dataSourceId, version: 1 });
    const sessionId = opened.id;
    await a.get(SessionEdits).apply(call, sessionId, below(20));
    const seen = await b.get(SessionsService).get(call, sessionId);
    expect(seen.head).toBe(1);
    expect(seen.preview.rows).toHaveLength(20);
    const page = await b.get(SessionsService).rows(call, sessionId, PAGE);
    expect(page.rowCount).toBe(20);
    // Concurrent steps through both replicas are serialised: neither is lost.
    await Promise.all([
      a.get(SessionEdits).apply(call, sessionId, formula('x * 10', 'ten')),
      b.get(SessionEdits).apply(call, sessionId, formula('x * 100', 'hundred')),
    ]);
    const both = await a.get(SessionsService).get(call, sessionId);
    expect(both.head).toBe(3);
    expect(names(both)).toEqual(expect.arrayContaining(['ten', 'hundred']));
    const undone = await b.get(SessionEdits).undo(call, sessionId);
    expect(undone.head).toBe(2);
    expect((await a.get(SessionsService).get(call, sessionId)).head).toBe(2);
    const rows = await a.get(SessionsService).rows(call, sessionId, PAGE);
    expect(rows.rowCount).toBe(20);
    expect(Object.keys(rows.rowData[0])).toHaveLength(4);
  });
});
