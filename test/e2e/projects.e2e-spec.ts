import request from 'supertest';
import type { DataSourceView, ProjectView } from '@hydroml/contracts';
import { makeProject } from '@hydroml/testing';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('projects, members and data sources through the gateway', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let project: ProjectView;

  beforeAll(async () => {
    stack = await startStack();
    api = request(stack.baseUrl);
    [owner, viewer, stranger] = await Promise.all([
      signUp(stack.baseUrl),
      signUp(stack.baseUrl),
      signUp(stack.baseUrl),
    ]);
    project = (
      await api
        .post('/api/v1/projects')
        .set(owner.auth)
        .send(makeProject({ name: 'Rhine flows' }))
        .expect(201)
    ).body;
    await api
      .post(`/api/v1/projects/${project.id}/members`)
      .set(owner.auth)
      .send({ user: viewer.user.email, role: 'viewer' })
      .expect(201);
  });
  afterAll(() => stack.close());

  it('gives every user a personal default project', async () => {
    const res = await api.get('/api/v1/projects').set(stranger.auth).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      isDefault: true,
      role: 'owner',
      ownerId: stranger.user.id,
    });
  });

  it('lets a viewer list and read the project but answers 403 on an edit', async () => {
    const list = await api
      .get('/api/v1/projects')
      .set(viewer.auth)
      .query({ search: 'rhine' })
      .expect(200);
    expect(list.body.items.map((p: ProjectView) => p.id)).toEqual([project.id]);
    expect(list.body.items[0].role).toBe('viewer');
    const edit = await api
      .patch(`/api/v1/projects/${project.id}`)
      .set(viewer.auth)
      .send({ name: 'Mine now' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('permission_denied');
  });

  it('answers 404 to a non-member for the project, its members and its data sources', async () => {
    for (const path of ['', '/members', '/data-sources']) {
      const res = await api.get(`/api/v1/projects/${project.id}${path}`).set(stranger.auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const del = await api.delete(`/api/v1/projects/${project.id}`).set(stranger.auth);
    expect(del.status).toBe(404);
  });

  it('lists members with their usernames and keeps at least one owner', async () => {
    const members = await api
      .get(`/api/v1/projects/${project.id}/members`)
      .set(viewer.auth)
      .expect(200);
    expect(
      members.body.map((m: { username: string; role: string }) => [m.username, m.role]),
    ).toEqual([
      [owner.user.username, 'owner'],
      [viewer.user.username, 'viewer'],
    ]);
    const demote = await api
      .patch(`/api/v1/projects/${project.id}/members/${owner.user.id}`)
      .set(owner.auth)
      .send({ role: 'editor' });
    expect(demote.status).toBe(412);
    const twice = await api
      .post(`/api/v1/projects/${project.id}/members`)
      .set(owner.auth)
      .send({ user: viewer.user.username, role: 'editor' });
    expect(twice.status).toBe(409);
    const ghost = await api
      .post(`/api/v1/projects/${project.id}/members`)
      .set(owner.auth)
      .send({ user: 'no_such_user', role: 'editor' });
    expect(ghost.status).toBe(404);
  });

  it('promotes, edits as editor, and removes a member', async () => {
    const extra = await signUp(stack.baseUrl);
    const p = (await api.post('/api/v1/projects').set(owner.auth).send(makeProject()).expect(201))
      .body as ProjectView;
    await api
      .post(`/api/v1/projects/${p.id}/members`)
      .set(owner.auth)
      .send({ user: extra.user.username, role: 'viewer' })
      .expect(201);
    await api
      .patch(`/api/v1/projects/${p.id}`)
      .set(extra.auth)
      .send({ description: 'x' })
      .expect(403);
    await api
      .patch(`/api/v1/projects/${p.id}/members/${extra.user.id}`)
      .set(owner.auth)
      .send({ role: 'editor' })
      .expect(200);
    const edited = await api
      .patch(`/api/v1/projects/${p.id}`)
      .set(extra.auth)
      .send({ description: 'updated' })
      .expect(200);
    expect(edited.body.description).toBe('updated');
    await api.delete(`/api/v1/projects/${p.id}`).set(extra.auth).expect(403);
    await api
      .delete(`/api/v1/projects/${p.id}/members/${extra.user.id}`)
      .set(owner.auth)
      .expect(204);
    await api.get(`/api/v1/projects/${p.id}`).set(extra.auth).expect(404);
    await api.delete(`/api/v1/projects/${p.id}`).set(owner.auth).expect(204);
    await api.get(`/api/v1/projects/${p.id}`).set(owner.auth).expect(404);
  });

  it('attaches one data source to several projects and detaches it', async () => {
    const ds = (
      await api
        .post(`/api/v1/projects/${project.id}/data-sources`)
        .set(owner.auth)
        .send({ name: 'Gauge 6335020', kind: 'file' })
        .expect(201)
    ).body as DataSourceView;
    expect(ds).toMatchObject({ status: 'empty', ownerId: owner.user.id, projectIds: [project.id] });
    const second = (
      await api.post('/api/v1/projects').set(owner.auth).send(makeProject()).expect(201)
    ).body as ProjectView;
    const attached = await api
      .put(`/api/v1/projects/${second.id}/data-sources/${ds.id}`)
      .set(owner.auth)
      .expect(200);
    expect(attached.body.projectIds).toEqual([project.id, second.id]);
    const viewerSees = await api.get(`/api/v1/data-sources/${ds.id}`).set(viewer.auth).expect(200);
    expect(viewerSees.body.name).toBe('Gauge 6335020');
    await api
      .patch(`/api/v1/data-sources/${ds.id}`)
      .set(viewer.auth)
      .send({ name: 'x' })
      .expect(403);
    await api.get(`/api/v1/data-sources/${ds.id}`).set(stranger.auth).expect(404);
    await api
      .delete(`/api/v1/projects/${second.id}/data-sources/${ds.id}`)
      .set(owner.auth)
      .expect(204);
    const listed = await api
      .get(`/api/v1/projects/${second.id}/data-sources`)
      .set(owner.auth)
      .expect(200);
    expect(listed.body).toEqual([]);
    const renamed = await api
      .patch(`/api/v1/data-sources/${ds.id}`)
      .set(owner.auth)
      .send({ description: 'daily flows' })
      .expect(200);
    expect(renamed.body.description).toBe('daily flows');
  });

  it('keeps favourites per user, and pages, sorts and filters the list', async () => {
    for (const name of ['Alpha basin', 'Beta basin', 'Gamma basin']) {
      await api.post('/api/v1/projects').set(stranger.auth).send({ name }).expect(201);
    }
    const page = await api
      .get('/api/v1/projects')
      .set(stranger.auth)
      .query({ sort: 'name', order: 'desc', pageSize: 2, page: 1, search: 'basin' })
      .expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((p: ProjectView) => p.name)).toEqual(['Gamma basin', 'Beta basin']);
    const beta = page.body.items[1] as ProjectView;
    await api.put(`/api/v1/projects/${beta.id}/favorite`).set(stranger.auth).expect(204);
    const favs = await api
      .get('/api/v1/projects')
      .set(stranger.auth)
      .query({ favoritesOnly: 'true' })
      .expect(200);
    expect(favs.body.items.map((p: ProjectView) => p.name)).toEqual(['Beta basin']);
    await api.delete(`/api/v1/projects/${beta.id}/favorite`).set(stranger.auth).expect(204);
    const none = await api
      .get('/api/v1/projects')
      .set(stranger.auth)
      .query({ favoritesOnly: true })
      .expect(200);
    expect(none.body.total).toBe(0);
    const bad = await api.get('/api/v1/projects').set(stranger.auth).query({ pageSize: 1000 });
    expect(bad.status).toBe(400);
  });

  it('refuses to delete the personal default project', async () => {
    const mine = await api
      .get('/api/v1/projects')
      .set(owner.auth)
      .query({ sort: 'createdAt' })
      .expect(200);
    const personal = (mine.body.items as ProjectView[]).find((p) => p.isDefault)!;
    await api.delete(`/api/v1/projects/${personal.id}`).set(owner.auth).expect(412);
  });
});
