import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signUp } from './client.js';
import { startStack, type Stack } from './stack.js';

const ART = '/api/2.0/mlflow-artifacts/artifacts';

describe('MLflow artifacts through the proxied artifact service', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let root: string;
  let runId: string;
  const blobDir = mkdtempSync(join(tmpdir(), 'hydroml-artifacts-'));

  beforeAll(async () => {
    process.env.BLOB_DIR = blobDir;
    stack = await startStack();
    api = request(stack.baseUrl);
    alice = (await signUp(stack.baseUrl)).auth;
    bob = (await signUp(stack.baseUrl)).auth;
    const exp = await api
      .post('/api/2.0/mlflow/experiments/create')
      .set(alice)
      .send({ name: 'artifacts' })
      .expect(200);
    const run = await api
      .post('/api/2.0/mlflow/runs/create')
      .set(alice)
      .send({ experiment_id: exp.body.experiment_id })
      .expect(200);
    runId = run.body.run.info.run_id as string;
    root = (run.body.run.info.artifact_uri as string).replace('mlflow-artifacts:/', '');
  });
  afterAll(async () => {
    await stack.close();
    delete process.env.BLOB_DIR;
    rmSync(blobDir, { recursive: true, force: true });
  });

  it('gives each run an artifact URI under its experiment', () => {
    expect(root).toMatch(new RegExp(`^\\d+/${runId}/artifacts$`));
  });

  it('stores, lists, downloads and deletes files byte for byte, whatever their content type', async () => {
    const json = '{"not": "parsed", ';
    await api
      .put(`${ART}/${root}/model/MLmodel.json`)
      .set(alice)
      .set('Content-Type', 'application/json')
      .send(json)
      .expect(200);
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await api
      .put(`${ART}/${root}/${encodeURIComponent('weird name é.bin')}`)
      .set(alice)
      .set('Content-Type', 'application/octet-stream')
      .send(bytes)
      .expect(200);
    const got = await api
      .get(`${ART}/${root}/model/MLmodel.json`)
      .set(alice)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((got.body as Buffer).toString()).toBe(json);
    const top = await api.get(ART).query({ path: root }).set(alice).expect(200);
    expect(top.body.files).toEqual(
      expect.arrayContaining([
        { path: 'model', is_dir: true },
        { path: 'weird name é.bin', is_dir: false, file_size: 5 },
      ]),
    );
    const listed = await api
      .get('/api/2.0/mlflow/artifacts/list')
      .query({ run_id: runId, path: 'model' })
      .set(alice)
      .expect(200);
    expect(listed.body).toEqual({
      root_uri: `mlflow-artifacts:/${root}`,
      files: [{ path: 'model/MLmodel.json', is_dir: false, file_size: json.length }],
    });
    await api.delete(`${ART}/${root}/model`).set(alice).expect(200);
    await api.get(`${ART}/${root}/model/MLmodel.json`).set(alice).expect(404);
  });

  it('refuses paths that climb out, are absolute or hold NUL bytes', async () => {
    for (const bad of [`${root}/%2E%2E/x`, `${root}/a%00b`, `${root}/..%2F..%2Fetc`]) {
      const res = await api.put(`${ART}/${bad}`).set(alice).send('x');
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const absolute = await api
      .get('/api/2.0/mlflow/artifacts/list')
      .query({ run_id: runId, path: '/etc' })
      .set(alice);
    expect(absolute.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('serves the native artifact and registry views over REST and GraphQL', async () => {
    await api.put(`${ART}/${root}/plots/residuals.csv`).set(alice).send('a,b\n1,2\n').expect(200);
    const listed = await api
      .get(`/api/v1/runs/${runId}/artifacts`)
      .query({ path: 'plots' })
      .set(alice)
      .expect(200);
    expect(listed.body.files).toEqual([
      { path: 'plots/residuals.csv', is_dir: false, file_size: 8 },
    ]);
    const file = await api
      .get(`/api/v1/runs/${runId}/artifacts/file`)
      .query({ path: 'plots/residuals.csv' })
      .set(alice)
      .expect(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="residuals.csv"');
    expect(file.text ?? String(file.body)).toContain('1,2');
    await api
      .get(`/api/v1/runs/${runId}/artifacts/file`)
      .query({ path: '../x' })
      .set(alice)
      .expect(400);
    await api.get(`/api/v1/runs/${runId}/artifacts`).set(bob).expect(404);

    await api
      .post('/api/2.0/mlflow/registered-models/create')
      .set(alice)
      .send({ name: 'flow' })
      .expect(200);
    await api
      .post('/api/2.0/mlflow/model-versions/create')
      .set(alice)
      .send({ name: 'flow', source: `mlflow-artifacts:/${root}/model`, run_id: runId })
      .expect(200);
    await api
      .post('/api/2.0/mlflow/registered-models/alias')
      .set(alice)
      .send({ name: 'flow', alias: 'champion', version: '1' })
      .expect(200);
    const model = await api.get('/api/v1/models/flow').set(alice).expect(200);
    expect(model.body.aliases).toEqual([{ alias: 'champion', version: '1' }]);
    await api.get('/api/v1/models/flow').set(bob).expect(404);

    const query = `query($run: ID!) {
      model(name: "flow") { name aliases { alias version } latestVersions { version runId } }
      runArtifacts(runId: $run, path: "plots") { path isDir fileSize }
    }`;
    const gql = await api
      .post('/graphql')
      .set(alice)
      .send({ query, variables: { run: runId } })
      .expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.model).toEqual({
      name: 'flow',
      aliases: [{ alias: 'champion', version: '1' }],
      latestVersions: [{ version: '1', runId }],
    });
    expect(gql.body.data.runArtifacts).toEqual([
      { path: 'plots/residuals.csv', isDir: false, fileSize: 8 },
    ]);
  });

  it('hides another tenant’s artifacts', async () => {
    await api.put(`${ART}/${root}/secret.txt`).set(alice).send('s').expect(200);
    const peek = await api.get(`${ART}/${root}/secret.txt`).set(bob);
    expect(peek.status).toBe(404);
    expect(peek.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const write = await api.put(`${ART}/${root}/evil.txt`).set(bob).send('x');
    expect(write.status).toBe(404);
  });
});
