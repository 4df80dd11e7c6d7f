import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import request from 'supertest';
import type {
  JobView,
  ProfileAlert,
  ProfileView,
  SuiteView,
  ValidationHistory,
  ValidationView,
} from '@hydroml/contracts';
import { waitForJob, type TestUser } from './client.js';
import { startWithProject, uploadFile } from './project-setup.js';
import type { Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

const WALKTHROUGH = fileURLToPath(new URL('../../scripts/quality-walkthrough.sh', import.meta.url));

describe('data quality through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let dataSourceId: string;

  beforeAll(async () => {
    let projectId: string;
    ({ stack, owner, stranger, projectId } = await startWithProject('Quality'));
    dataSourceId = await uploadFile(stack, owner, projectId, FIXTURE, 'Hydro');
  }, 60_000);
  afterAll(() => stack.close());

  const base = () => `/api/v1/data-sources/${dataSourceId}/versions/1`;

  it('profiles a version as a job and finds the fixture problems', async () => {
    await request(stack.baseUrl).get(`${base()}/profile`).set(owner.auth).expect(404);
    const queued = await request(stack.baseUrl)
      .post(`${base()}/profile`)
      .set(owner.auth)
      .send({})
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, queued.body.id);
    expect(job).toMatchObject({ status: 'succeeded', kind: 'quality-profile' });
    const res = await request(stack.baseUrl).get(`${base()}/profile`).set(owner.auth).expect(200);
    const profile = res.body as ProfileView;
    expect(profile.table).toMatchObject({ rows: 10, columns: 5 });
    const has = (type: ProfileAlert['type'], column?: string) =>
      profile.alerts.some((a) => a.type === type && a.column === column);
    expect(has('mixed_types', 'Temperature')).toBe(true);
    expect(has('null_like', 'Humidity')).toBe(true);
    expect(has('missing', 'Date')).toBe(true);
    expect(has('duplicates')).toBe(true);
    expect(
      profile.alerts.every(
        (a) => a.suggestion === null || typeof a.suggestion.step.op === 'string',
      ),
    ).toBe(true);
  });

  it('serves the profile report as self-contained HTML', async () => {
    const res = await request(stack.baseUrl)
      .get(`${base()}/profile/report.html`)
      .set(owner.auth)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<!doctype html>');
    expect(res.text).toContain('Temperature');
    expect(res.text).not.toMatch(/<(script|link)[^>]+(src|href)=/i);
  });

  let alerts: ProfileAlert[] = [];
  let autoSuite: SuiteView;

  async function profileOf(version: number): Promise<ProfileView> {
    const path = `/api/v1/data-sources/${dataSourceId}/versions/${version}/profile`;
    const queued = await request(stack.baseUrl).post(path).set(owner.auth).send({}).expect(202);
    expect((await waitForJob(stack.baseUrl, owner, queued.body.id)).status).toBe('succeeded');
    return (await request(stack.baseUrl).get(path).set(owner.auth).expect(200)).body as ProfileView;
  }

  it('applies two suggestions as studio steps and saves a cleaned version', async () => {
    alerts = (await profileOf(1)).alerts;
    autoSuite = (
      await request(stack.baseUrl)
        .post(`/api/v1/data-sources/${dataSourceId}/suites`)
        .set(owner.auth)
        .send({
          name: 'always',
          autoValidate: true,
          expectations: [
            { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'Date' } },
          ],
        })
        .expect(201)
    ).body as SuiteView;
    const session = await request(stack.baseUrl)
      .post('/api/v1/sessions')
      .set(owner.auth)
      .send({ dataSourceId, version: 1 })
      .expect(201);
    const chosen = [
      alerts.find((a) => a.type === 'mixed_types' && a.column === 'Temperature'),
      alerts.find((a) => a.type === 'missing' && a.column === 'Date'),
    ];
    for (const alert of chosen) {
      if (!alert?.suggestion) throw new Error('expected a suggestion');
      await request(stack.baseUrl)
        .post(`/api/v1/sessions/${session.body.id}/steps`)
        .set(owner.auth)
        .send(alert.suggestion.step)
        .expect(200);
    }
    const save = await request(stack.baseUrl)
      .post(`/api/v1/sessions/${session.body.id}/save`)
      .set(owner.auth)
      .send({})
      .expect(202);
    const saved = await waitForJob(stack.baseUrl, owner, (save.body as JobView).id);
    expect(saved.result).toMatchObject({ version: 2 });
    const cleaned = await profileOf(2);
    expect(cleaned.table.rows).toBe(9);
    expect(cleaned.columns.find((c) => c.name === 'Temperature')?.type).toBe('float');
    expect(cleaned.alerts.some((a) => a.type === 'mixed_types')).toBe(false);
  });

  it('generates a suite from the cleaned version and validates the raw one: failures with samples', async () => {
    const suite = (
      await request(stack.baseUrl)
        .post(`/api/v1/data-sources/${dataSourceId}/suites`)
        .set(owner.auth)
        .send({ name: 'from cleaned', fromVersion: 2 })
        .expect(201)
    ).body as SuiteView;
    expect(suite.expectations.length).toBeGreaterThan(10);
    const listed = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSourceId}/suites`)
      .set(owner.auth)
      .expect(200);
    expect((listed.body as SuiteView[]).map((s) => s.name).sort()).toEqual([
      'always',
      'from cleaned',
    ]);
    const queued = await request(stack.baseUrl)
      .post(`/api/v1/suites/${suite.id}/validate`)
      .set(owner.auth)
      .send({ version: 1 })
      .expect(202);
    const validated = await waitForJob(stack.baseUrl, owner, queued.body.id);
    expect([validated.status, validated.error]).toEqual(['succeeded', null]);
    const run = (
      await request(stack.baseUrl)
        .get(`/api/v1/validations/${queued.body.id}`)
        .set(owner.auth)
        .expect(200)
    ).body as ValidationView;
    expect(run).toMatchObject({ status: 'succeeded', success: false, version: 1 });
    const dateNotNull = run.results?.find(
      (r) =>
        r.expectation.type === 'expect_column_values_to_not_be_null' &&
        r.expectation.kwargs.column === 'Date',
    );
    expect(dateNotNull).toMatchObject({ success: false, unexpectedCount: 1 });
    expect(dateNotNull?.unexpectedRows[0]).toMatchObject({ __row: 5, Temperature: '25.1' });
    const temperatureType = run.results?.find(
      (r) =>
        r.expectation.type === 'expect_column_values_to_be_of_type' &&
        r.expectation.kwargs.column === 'Temperature',
    );
    expect(temperatureType).toMatchObject({ success: false, observedValue: 'VARCHAR' });
    const report = await request(stack.baseUrl)
      .get(`/api/v1/validations/${run.id}/report.html`)
      .set(owner.auth)
      .expect(200);
    expect(report.headers['content-type']).toContain('text/html');
    expect(report.text).toContain('expect_column_values_to_not_be_null');
  });

  it('keeps a history per data source with a score per version, including automatic runs', async () => {
    let history: ValidationHistory | undefined;
    for (let i = 0; i < 100; i += 1) {
      history = (
        await request(stack.baseUrl)
          .get(`/api/v1/data-sources/${dataSourceId}/validations`)
          .set(owner.auth)
          .expect(200)
      ).body as ValidationHistory;
      if (history.validations.some((v) => v.trigger === 'auto' && v.status !== 'queued')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const auto = history?.validations.find((v) => v.trigger === 'auto');
    expect(auto).toMatchObject({
      suiteId: autoSuite.id,
      version: 2,
      status: 'succeeded',
      success: true,
      score: 100,
    });
    expect(history?.scores.map((s) => s.version)).toEqual([2, 1]);
    expect(history?.scores[1].score).toBeLessThan(100);
  });

  it('scripts/quality-walkthrough.sh passes with curl against the platform', async () => {
    const { stdout } = await promisify(execFile)('bash', [WALKTHROUGH, stack.baseUrl], {
      timeout: 120_000,
    });
    expect(stdout).toContain('ok   the raw version fails the suite (false)');
    expect(stdout).toContain('ok   validation report downloaded');
    expect(stdout).not.toContain('FAIL');
  }, 150_000);

  it('mirrors profiles, suites and validations in GraphQL', async () => {
    const res = await request(stack.baseUrl)
      .post('/graphql')
      .set(owner.auth)
      .send({
        query: `query($ds: ID!) {
          versionProfile(dataSourceId: $ds, version: 1) { rows readiness alerts { type column suggestionStepJson } }
          expectationSuites(dataSourceId: $ds) { name autoValidate }
          validationHistory(dataSourceId: $ds) { version status success score trigger }
        }`,
        variables: { ds: dataSourceId },
      })
      .expect(200);
    const data = res.body.data as {
      versionProfile: {
        rows: number;
        alerts: Array<{ type: string; column: string | null; suggestionStepJson: string | null }>;
      };
      expectationSuites: Array<{ name: string }>;
      validationHistory: Array<{ trigger: string; success: boolean }>;
    };
    expect(data.versionProfile.rows).toBe(10);
    const cast = data.versionProfile.alerts.find((a) => a.type === 'mixed_types');
    expect(JSON.parse(cast?.suggestionStepJson ?? 'null')).toMatchObject({ op: 'columns.cast' });
    expect(data.expectationSuites.length).toBeGreaterThanOrEqual(2);
    expect(data.validationHistory.some((v) => v.trigger === 'auto' && v.success)).toBe(true);
  });

  it("answers 404 for another tenant's profile", async () => {
    await request(stack.baseUrl).get(`${base()}/profile`).set(stranger.auth).expect(404);
    await request(stack.baseUrl).post(`${base()}/profile`).set(stranger.auth).send({}).expect(404);
    await request(stack.baseUrl)
      .get(`${base()}/profile/report.html`)
      .set(stranger.auth)
      .expect(404);
    await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSourceId}/suites`)
      .set(stranger.auth)
      .expect(404);
    const history = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSourceId}/validations`)
      .set(owner.auth)
      .expect(200);
    const run = (history.body as ValidationHistory).validations[0];
    await request(stack.baseUrl)
      .get(`/api/v1/validations/${run.id}`)
      .set(stranger.auth)
      .expect(404);
    await request(stack.baseUrl)
      .get(`/api/v1/suites/${run.suiteId}`)
      .set(stranger.auth)
      .expect(404);
    await request(stack.baseUrl)
      .post(`/api/v1/suites/${run.suiteId}/validate`)
      .set(stranger.auth)
      .send({ version: 1 })
      .expect(404);
  });
});
