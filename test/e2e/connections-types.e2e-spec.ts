import type { DatasetVersionView } from '@hydroml/contracts';
import {
  addMariaTypes,
  addPostgresTypes,
} from '../../services/connectors/test/source-databases.js';
import { waitForJob, type TestUser } from './client.js';
import { connectionsHarness } from './connections-harness.js';
import type { Stack } from './stack.js';

/** DECIMAL(38,10) lands as a float: the double nearest to the stored value. */
const NEAREST_DOUBLE = Number('1234567890123456789012345678.0123456789');

/** The README's type mapping, checked value by value on both engines. */
describe('imported column types', () => {
  const { api, start, close, project, startImport, postgres, mariadb } = connectionsHarness();
  let stack: Stack;
  let alice: TestUser;
  let projectId: string;

  beforeAll(async () => {
    const started = await start();
    ({ stack, alice } = started);
    await Promise.all([
      addPostgresTypes(started.source.url),
      addMariaTypes(started.maria.database),
    ]);
    projectId = await project('Types');
  });
  afterAll(close);

  async function imported(connectionId: string, table: string) {
    const jobId = await startImport(connectionId, { table, projectId, name: table });
    const job = await waitForJob(stack.baseUrl, alice, jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 2 } });
    const ingest = await waitForJob(stack.baseUrl, alice, job.result!.ingestJobId as string);
    expect(ingest.status).toBe('succeeded');
    const id = job.result!.dataSourceId as string;
    const versions = (await api().get(`/api/v1/data-sources/${id}/versions`).set(alice.auth))
      .body as DatasetVersionView[];
    const preview = await api()
      .get(`/api/v1/data-sources/${id}/versions/1/preview`)
      .set(alice.auth)
      .expect(200);
    const rows = preview.body.rows as Array<Record<string, unknown>>;
    return {
      types: Object.fromEntries(versions[0].schema.map((c) => [c.name, c.type])),
      values: rows[0],
      nulls: Object.entries(rows[1]).filter(([name, value]) => name !== 'id' && value !== null),
    };
  }

  it('imports every common PostgreSQL type, and ones with no equivalent as text', async () => {
    const { types, values, nulls } = await imported(await postgres(), 'hydro.types');
    const expected: Record<string, [string, unknown]> = {
      id: ['integer', '1'],
      small: ['integer', '-32768'],
      big: ['integer', '9007199254740993'],
      flag: ['boolean', true],
      ratio: ['float', 0.5],
      amount: ['float', NEAREST_DOUBLE], // numeric beyond ~15 digits loses precision
      day: ['date', '2024-02-29'],
      at: ['timestamp', '2024-02-29 13:45:01.25'],
      at_tz: ['timestamp', '2024-02-29 11:45:01.25'], // in UTC
      clock: ['string', '23:59:59.5'],
      span: ['string', '1 day 02:03:04'],
      uid: ['string', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
      doc: ['string', '{"a": [1, "x"]}'],
      docb: ['string', '{"b": {"c": null}}'],
      ints: ['string', '{1,2,3}'],
      tags: ['string', '{"x y",z}'],
      raw: ['string', '\\x00ff'],
      reading: ['string', '(S1,2.5)'],
      words: ['string', "'high':1 'water':2"],
      spot: ['string', '(1.5,-2)'],
      price: ['string', '$12.34'],
      window_: ['string', '[1,5)'],
      page: ['string', '<p>hi</p>'],
    };
    expect(types).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v[0]])));
    expect(values).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v[1]])));
    expect(nulls).toEqual([]);
  });

  it('imports every common MariaDB type', async () => {
    const { types, values, nulls } = await imported(await mariadb(), 'types');
    const expected: Record<string, [string, unknown]> = {
      id: ['integer', '1'],
      tiny: ['integer', '-128'],
      small: ['integer', '-32768'],
      big: ['integer', '9007199254740993'],
      flag: ['integer', '1'], // BOOLEAN is tinyint(1)
      ratio: ['float', 0.5],
      amount: ['float', NEAREST_DOUBLE],
      day: ['date', '2024-02-29'],
      at: ['timestamp', '2024-02-29 13:45:01.25'],
      stamp: ['timestamp', '2024-02-29 12:00:00'],
      clock: ['string', '23:59:59'],
      yr: ['integer', '2024'],
      doc: ['string', '{"a": [1, "x"]}'],
      kind: ['string', 'lake'],
      tags: ['string', 'a,c'],
      raw: ['string', '\\x00ff'],
      bits: ['string', '\\x05'],
      note: ['string', 'say "hi", then'],
    };
    expect(types).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v[0]])));
    expect(values).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v[1]])));
    expect(nulls).toEqual([]);
  });
});
