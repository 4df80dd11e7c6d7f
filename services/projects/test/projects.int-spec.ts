import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthEvents, ProjectsContracts, type CallContext } from '@hydroml/contracts';
import { BaseEnv, loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import {
  connectTestNats,
  errorCodeOf,
  createTestDatabase,
  makeProject,
  testEnvVars,
  type TestDatabase,
} from '@hydroml/testing';
import { AppModule } from '../src/app.module.js';

function caller(scopes: Array<'read' | 'write'> = ['read', 'write']): CallContext {
  const userId = randomUUID();
  return {
    correlationId: 'int',
    principal: { userId, username: `u${userId.slice(0, 6)}`, scopes, via: 'jwt' },
  };
}

describe('projects service over NATS', () => {
  let db: TestDatabase;
  let app: INestMicroservice;
  let nats: NatsClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = loadEnv(BaseEnv, testEnvVars(db.url));
    app = await startService('projects', AppModule.forRoot(env), env);
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
  });
  afterAll(async () => {
    await nats.connection.close();
    await app.close();
    await db.drop();
  });

  it('creates the personal default project when a user registers', async () => {
    const call = caller();
    const { userId, username } = call.principal!;
    nats.emit(AuthEvents.userRegistered, { userId, username, email: `${username}@example.org` });
    await nats.connection.flush();
    let total = 0;
    for (let i = 0; i < 20 && total === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      const rows: unknown[] = await app
        .get(DataSource)
        .query('SELECT 1 FROM projects.projects WHERE owner_id = $1', [userId]);
      total = rows.length;
    }
    expect(total).toBe(1);
    const page = await nats.request(ProjectsContracts.list, {}, call);
    expect(page.total).toBe(1);
    expect(page.items[0].isDefault).toBe(true);
  });

  it('decides access: owners write, others see nothing, and read tokens cannot write', async () => {
    const owner = caller();
    const other = caller();
    const project = await nats.request(ProjectsContracts.create, makeProject(), owner);
    const check = (call: CallContext, action: 'read' | 'write' | 'manage') =>
      nats.request(
        ProjectsContracts.checkAccess,
        { resource: 'project', id: project.id, action },
        call,
      );
    expect(await check(owner, 'manage')).toEqual({ allowed: true, role: 'owner' });
    expect(await check(other, 'read')).toEqual({ allowed: false, role: null });
    expect(await errorCodeOf(nats.request(ProjectsContracts.get, { id: project.id }, other))).toBe(
      'not_found',
    );
    const readOnly = { ...owner, principal: { ...owner.principal!, scopes: ['read' as const] } };
    expect(await check(readOnly, 'write')).toEqual({ allowed: false, role: 'owner' });
    expect(
      await errorCodeOf(
        nats.request(ProjectsContracts.update, { id: project.id, name: 'x' }, readOnly),
      ),
    ).toBe('permission_denied');
  });

  it('sees a public flag change at once despite the cached decision', async () => {
    const owner = caller();
    const other = caller();
    const project = await nats.request(ProjectsContracts.create, makeProject(), owner);
    expect(await errorCodeOf(nats.request(ProjectsContracts.get, { id: project.id }, other))).toBe(
      'not_found',
    );
    await nats.request(ProjectsContracts.update, { id: project.id, isPublic: true }, owner);
    const seen = await nats.request(ProjectsContracts.get, { id: project.id }, other);
    expect(seen).toMatchObject({ id: project.id, isPublic: true, role: null });
    expect(
      await errorCodeOf(
        nats.request(ProjectsContracts.update, { id: project.id, name: 'x' }, other),
      ),
    ).toBe('permission_denied');
  });

  it('batches members and data sources per project for GraphQL, hiding invisible projects', async () => {
    const owner = caller();
    const a = await nats.request(ProjectsContracts.create, makeProject(), owner);
    const hidden = await nats.request(ProjectsContracts.create, makeProject(), caller());
    await nats.request(
      ProjectsContracts.createDataSource,
      { projectId: a.id, name: 'Gauge', kind: 'file' },
      owner,
    );
    const byProject = await nats.request(
      ProjectsContracts.dataSourcesOf,
      { ids: [a.id, hidden.id] },
      owner,
    );
    expect(byProject[a.id].map((d) => d.name)).toEqual(['Gauge']);
    expect(byProject[hidden.id]).toEqual([]);
  });
});
