import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

describe('data sources, versions, lineage and jobs over GraphQL', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let dataSourceId: string;
  const gql = (user: TestUser, query: string, variables: object = {}) =>
    request(stack.baseUrl).post('/graphql').set(user.auth).send({ query, variables });

  beforeAll(async () => {
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
    stranger = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'G' });
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${project.body.id}/data-sources`)
      .set(owner.auth)
      .attach('file', FIXTURE)
      .expect(201);
    dataSourceId = upload.body.dataSource.id;
    await waitForJob(stack.baseUrl, owner, upload.body.job.id);
  }, 60_000);
  afterAll(() => stack.close());

  it('reads a data source with its versions, schema, preview and lineage', async () => {
    const res = await gql(
      owner,
      `query($id: ID!) {
        dataSource(id: $id) { name status versions { version origin rows schema { name type } warnings }
          lineage { nodes { id version visible } edges { from to } } }
        datasetPreview(dataSourceId: $id, version: 1, limit: 2, after: -1) { rowsJson nextAfter total }
      }`,
      { id: dataSourceId },
    );
    expect(res.body.errors).toBeUndefined();
    const ds = res.body.data.dataSource;
    expect(ds.status).toBe('ready');
    expect(ds.versions[0]).toMatchObject({ version: 1, origin: 'uploaded', rows: 10 });
    expect(ds.versions[0].schema).toHaveLength(5);
    expect(ds.lineage.nodes).toEqual([{ id: `${dataSourceId}@1`, version: 1, visible: true }]);
    const preview = res.body.data.datasetPreview;
    expect(JSON.parse(preview.rowsJson)).toHaveLength(2);
    expect(preview).toMatchObject({ nextAfter: 1, total: 10 });
  });

  it('re-ingests, exports as a job and reads the job; strangers see nothing', async () => {
    const re = await gql(
      owner,
      `mutation($id: ID!) { reingestVersion(dataSourceId: $id, version: 1, typesJson: "{\\"Date\\":\\"string\\"}") { id kind status } }`,
      { id: dataSourceId },
    );
    expect(re.body.errors).toBeUndefined();
    await waitForJob(stack.baseUrl, owner, re.body.data.reingestVersion.id);
    const ex = await gql(
      owner,
      `mutation($id: ID!) { exportVersion(dataSourceId: $id, version: 2, format: "parquet") { id kind } }`,
      { id: dataSourceId },
    );
    const jobId = ex.body.data.exportVersion.id;
    await waitForJob(stack.baseUrl, owner, jobId);
    const job = await gql(owner, `query($id: ID!) { job(id: $id) { status resultJson } }`, {
      id: jobId,
    });
    expect(job.body.data.job.status).toBe('succeeded');
    expect(JSON.parse(job.body.data.job.resultJson).downloadUrl).toBe(
      `/api/v1/jobs/${jobId}/download`,
    );
    const hidden = await gql(stranger, `query($id: ID!) { dataSource(id: $id) { name } }`, {
      id: dataSourceId,
    });
    expect(hidden.body.errors[0].extensions.code).toBe('not_found');
    const del = await gql(
      owner,
      `mutation($id: ID!) { deleteDatasetVersion(dataSourceId: $id, version: 1) }`,
      { id: dataSourceId },
    );
    expect(del.body.errors[0].extensions.code).toBe('conflict');
  });
});
