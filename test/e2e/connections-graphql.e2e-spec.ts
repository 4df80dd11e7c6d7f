import request from 'supertest';
import { mariaSource, type MariaSource } from '../../services/connectors/test/source-databases.js';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('connections over GraphQL', () => {
  let stack: Stack;
  let maria: MariaSource;
  let alice: TestUser;
  let bob: TestUser;
  const gql = (user: TestUser, query: string, variables: object = {}) =>
    request(stack.baseUrl).post('/graphql').set(user.auth).send({ query, variables });

  beforeAll(async () => {
    [stack, maria] = await Promise.all([startStack(), mariaSource()]);
    [alice, bob] = [await signUp(stack.baseUrl), await signUp(stack.baseUrl)];
  });
  afterAll(async () => {
    await stack.close();
    await maria.drop();
  });

  it('creates, tests, browses, previews and imports; the password never comes back', async () => {
    const seen: string[] = [];
    const run = async (user: TestUser, query: string, variables: object = {}) => {
      const res = await gql(user, query, variables);
      seen.push(res.text);
      return res.body as {
        data: Record<string, Record<string, unknown>>;
        errors?: Array<{ extensions: { code: string } }>;
      };
    };
    const created = await run(
      alice,
      `mutation($i: CreateConnectionInput!) { createConnection(input: $i) { id type hasPassword } }`,
      {
        i: {
          name: 'm',
          type: 'mysql',
          host: '127.0.0.1',
          database: maria.database,
          user: maria.user,
          password: maria.password,
        },
      },
    );
    const id = created.data.createConnection.id as string;
    expect(created.data.createConnection).toMatchObject({ type: 'mysql', hasPassword: true });
    const tested = await run(
      alice,
      `mutation($id: ID!) { testConnection(id: $id) { ok serverVersion } }`,
      { id },
    );
    expect(tested.data.testConnection.ok).toBe(true);
    const browsed = await run(
      alice,
      `query($id: ID!) { connection(id: $id) { name user } connectionTables(id: $id) { name kind }
        connectionPreview(id: $id, query: "SELECT code FROM stations ORDER BY code") { columns rowsJson truncated } }`,
      { id },
    );
    expect(browsed.data.connectionTables).toEqual([{ name: 'stations', kind: 'table' }]);
    expect(JSON.parse(browsed.data.connectionPreview.rowsJson as string)).toEqual([['A1'], ['B2']]);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(alice.auth)
      .send({ name: 'Q' });
    const imported = await run(
      alice,
      `mutation($i: ImportInput!) { importFromConnection(input: $i) { id kind status } }`,
      { i: { id, table: 'stations', projectId: project.body.id, name: 'S' } },
    );
    const job = await waitForJob(
      stack.baseUrl,
      alice,
      imported.data.importFromConnection.id as string,
    );
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 2 } });
    const hidden = await run(bob, `query($id: ID!) { connection(id: $id) { name } }`, { id });
    expect(hidden.errors?.[0].extensions.code).toBe('not_found');
    expect(
      (await run(alice, `mutation($id: ID!) { deleteConnection(id: $id) }`, { id })).data
        .deleteConnection,
    ).toBe(true);
    for (const text of seen) expect(text).not.toContain(maria.password);
  });
});
