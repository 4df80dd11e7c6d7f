import request from 'supertest';
import { signUp } from './client.js';
import { API, apiToken, type Headers } from './mlflow-session.js';
import { startStack, type Stack } from './stack.js';

describe('MLflow model registry API', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let alice: Headers;
  let bob: Headers;

  beforeAll(async () => {
    stack = await startStack();
    api = request(stack.baseUrl);
    alice = await apiToken(api, await signUp(stack.baseUrl));
    bob = await apiToken(api, await signUp(stack.baseUrl));
  });
  afterAll(() => stack.close());

  const post = (path: string, body: object, who = alice) =>
    api.post(`${API}/${path}`).set(who).send(body);
  const get = (path: string, query: Record<string, string>, who = alice) =>
    api.get(`${API}/${path}`).query(query).set(who);
  const del = (path: string, body: object) => api.delete(`${API}/${path}`).set(alice).send(body);

  it('registers a model, numbers its versions and resolves an alias to its version', async () => {
    const created = await post('registered-models/create', {
      name: 'flow-model',
      description: 'daily flow',
      tags: [{ key: 'team', value: 'hydro' }],
    });
    expect(created.status).toBe(200);
    expect(created.body.registered_model).toMatchObject({
      name: 'flow-model',
      description: 'daily flow',
      tags: [{ key: 'team', value: 'hydro' }],
      latest_versions: [],
    });
    const dup = await post('registered-models/create', { name: 'flow-model' });
    expect(dup.status).toBe(400);
    expect(dup.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    for (const n of [1, 2, 3]) {
      const v = await post('model-versions/create', {
        name: 'flow-model',
        source: `mlflow-artifacts:/1/run${n}/artifacts/model`,
        run_id: `${n}`.repeat(32),
        tags: [{ key: 'n', value: String(n) }],
      });
      expect(v.status).toBe(200);
      expect(v.body.model_version).toMatchObject({
        name: 'flow-model',
        version: String(n),
        current_stage: 'None',
        status: 'READY',
      });
    }
    expect(
      (
        await post('registered-models/alias', {
          name: 'flow-model',
          alias: 'champion',
          version: '2',
        })
      ).status,
    ).toBe(200);
    const byAlias = await get('registered-models/alias', { name: 'flow-model', alias: 'champion' });
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.model_version).toMatchObject({ version: '2', aliases: ['champion'] });
    const model = await get('registered-models/get', { name: 'flow-model' });
    expect(model.body.registered_model.aliases).toEqual([{ alias: 'champion', version: '2' }]);
    expect(
      model.body.registered_model.latest_versions.map((v: { version: string }) => v.version),
    ).toEqual(['3']);
    const bad = await post('registered-models/alias', {
      name: 'flow-model',
      alias: 'x',
      version: '9',
    });
    expect(bad.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(
      (await del('registered-models/alias', { name: 'flow-model', alias: 'champion' })).status,
    ).toBe(200);
    const gone = await get('registered-models/alias', { name: 'flow-model', alias: 'champion' });
    expect(gone.status).toBe(404);
  });

  it('transitions stages, archives the previous production version and answers latest versions', async () => {
    await post('registered-models/create', { name: 'staged' });
    for (let i = 0; i < 3; i += 1)
      await post('model-versions/create', { name: 'staged', source: 's' });
    await post('model-versions/transition-stage', {
      name: 'staged',
      version: '1',
      stage: 'production',
    });
    const moved = await post('model-versions/transition-stage', {
      name: 'staged',
      version: '2',
      stage: 'Production',
      archive_existing_versions: true,
    });
    expect(moved.body.model_version.current_stage).toBe('Production');
    const v1 = await get('model-versions/get', { name: 'staged', version: '1' });
    expect(v1.body.model_version.current_stage).toBe('Archived');
    const latest = await post('registered-models/get-latest-versions', {
      name: 'staged',
      stages: ['Production'],
    });
    expect(latest.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['2']);
    const all = await get('registered-models/get-latest-versions', { name: 'staged' });
    expect(all.body.model_versions.map((v: { version: string }) => v.version)).toEqual([
      '1',
      '2',
      '3',
    ]);
    const badStage = await post('model-versions/transition-stage', {
      name: 'staged',
      version: '3',
      stage: 'Prod',
    });
    expect(badStage.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const uri = await get('model-versions/get-download-uri', { name: 'staged', version: '3' });
    expect(uri.body).toEqual({ artifact_uri: 's' });
  });

  it('updates, tags, searches, renames and deletes', async () => {
    await post('registered-models/create', { name: 'searchable' });
    await post('model-versions/create', {
      name: 'searchable',
      source: 'x',
      run_id: 'a'.repeat(32),
    });
    await post('registered-models/set-tag', { name: 'searchable', key: 'k', value: 'v' });
    await post('model-versions/set-tag', {
      name: 'searchable',
      version: '1',
      key: 'q',
      value: 'w',
    });
    const patched = await api
      .patch(`${API}/model-versions/update`)
      .set(alice)
      .send({ name: 'searchable', version: '1', description: 'first' });
    expect(patched.body.model_version.description).toBe('first');
    const models = await get('registered-models/search', { filter: "tags.k = 'v'" });
    expect(models.body.registered_models.map((m: { name: string }) => m.name)).toEqual([
      'searchable',
    ]);
    const versions = await get('model-versions/search', { filter: `run_id = '${'a'.repeat(32)}'` });
    expect(versions.body.model_versions).toHaveLength(1);
    expect(versions.body.model_versions[0].tags).toEqual([{ key: 'q', value: 'w' }]);
    const updated = await api
      .patch(`${API}/registered-models/update`)
      .set(alice)
      .send({ name: 'searchable', description: 'd' });
    expect(updated.body.registered_model.description).toBe('d');
    const renamed = await post('registered-models/rename', {
      name: 'searchable',
      new_name: 'found',
    });
    expect(renamed.body.registered_model.name).toBe('found');
    await del('model-versions/delete-tag', { name: 'found', version: '1', key: 'q' });
    await del('registered-models/delete-tag', { name: 'found', key: 'k' });
    expect((await del('model-versions/delete', { name: 'found', version: '1' })).status).toBe(200);
    expect((await get('model-versions/get', { name: 'found', version: '1' })).status).toBe(404);
    expect((await del('registered-models/delete', { name: 'found' })).status).toBe(200);
    expect((await get('registered-models/get', { name: 'found' })).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('hides one tenant’s models from another', async () => {
    await post('registered-models/create', { name: 'secret' });
    const peek = await get('registered-models/get', { name: 'secret' }, bob);
    expect(peek.status).toBe(404);
    const write = await post('model-versions/create', { name: 'secret', source: 'x' }, bob);
    expect(write.status).toBe(404);
    const search = await get('registered-models/search', {}, bob);
    expect(search.body.registered_models).toEqual([]);
    expect((await post('registered-models/create', { name: 'secret' }, bob)).status).toBe(200);
  });
});
