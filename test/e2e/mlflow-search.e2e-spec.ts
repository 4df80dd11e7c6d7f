import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import pg from 'pg';
import mlflowModule from 'mlflow';
import { RunStatus } from 'mlflow/lib/enum.js';
import { mlflowSession } from './mlflow-session.js';

// The package's types describe `exports.default`; its entry point exports the class itself.
const MLflow = mlflowModule as unknown as typeof mlflowModule.default;

const run = promisify(execFile);

interface KeyedValue {
  key: string;
  value: unknown;
}

describe('MLflow run lifecycle, search and an external client', () => {
  const mlflow = mlflowSession();

  it('hides deleted runs from ACTIVE_ONLY and shows them with DELETED_ONLY; refuses writes to them', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'lifecycle' });
    const experimentId = body.experiment_id as string;
    const kept = await mlflow.newRun(experimentId);
    const gone = await mlflow.newRun(experimentId);
    await mlflow.post('runs/delete', { run_id: gone });
    const ids = async (view: string): Promise<string[]> => {
      const res = await mlflow.post('runs/search', {
        experiment_ids: [experimentId],
        run_view_type: view,
      });
      const runs = res.body.runs as Array<{ info: { run_id: string } }>;
      return runs.map((r) => r.info.run_id).sort();
    };
    expect(await ids('ACTIVE_ONLY')).toEqual([kept]);
    expect(await ids('DELETED_ONLY')).toEqual([gone]);
    expect(await ids('ALL')).toEqual([kept, gone].sort());
    const write = await mlflow.post('runs/log-metric', {
      run_id: gone,
      key: 'a',
      value: 1,
      timestamp: 1,
    });
    expect(write.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await mlflow.post('runs/restore', { run_id: gone });
    expect(await ids('ACTIVE_ONLY')).toEqual([kept, gone].sort());
    const updated = await mlflow.post('runs/update', {
      run_id: kept,
      status: 'FINISHED',
      end_time: 99,
    });
    expect(updated.body.run_info).toMatchObject({ status: 'FINISHED', end_time: 99 });
  });

  it('pages through 2,500 runs filtered and ordered by a metric without duplicates or gaps', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'paging' });
    const experimentId = body.experiment_id as string;
    const db = new pg.Client({ connectionString: mlflow.stack.env.DATABASE_URL });
    await db.connect();
    // Bulk rows straight into the schema: 3,000 runs, rmse with many ties, 1 in 6 is 'xgb'.
    await db.query(
      `WITH e AS (SELECT id FROM experiments.experiments WHERE num = $1),
       r AS (INSERT INTO experiments.runs (id, experiment_id, name, user_id, status, start_time, artifact_uri)
             SELECT gen_random_uuid(), e.id, 'r' || g, 'u', 'FINISHED', 1000 + g % 7, 'x'
             FROM e, generate_series(0, 2999) g RETURNING id, name),
       p AS (INSERT INTO experiments.params (run_id, key, value)
             SELECT id, 'model', CASE WHEN substr(name, 2)::int % 6 = 0 THEN 'xgb' ELSE 'rf' END FROM r)
       INSERT INTO experiments.latest_metrics (run_id, key, value, timestamp, step)
       SELECT id, 'rmse', (substr(name, 2)::int % 400) / 300.0, 0, 0 FROM r`,
      [experimentId],
    );
    await db.end();
    const expected = Array.from({ length: 3000 }, (_, g) => g).filter(
      (g) => g % 6 !== 0 && (g % 400) / 300 < 1,
    );
    expect(expected.length).toBeGreaterThanOrEqual(1500);
    const seen: string[] = [];
    let token: string | undefined;
    let last = -Infinity;
    do {
      const res = await mlflow.post('runs/search', {
        experiment_ids: [experimentId],
        filter: "metrics.rmse < 1 and params.model = 'rf'",
        order_by: ['metrics.rmse ASC'],
        max_results: 100,
        page_token: token,
      });
      expect(res.status).toBe(200);
      for (const run of res.body.runs) {
        const rmse = run.data.metrics[0].value as number;
        expect(rmse).toBeGreaterThanOrEqual(last);
        last = rmse;
        seen.push(run.info.run_name as string);
      }
      token = res.body.next_page_token;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.map((g) => `r${g}`).sort());
  });

  it('keeps pages stable while runs arrive between pages; runs without the metric come last', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'keyset' });
    const experimentId = body.experiment_id as string;
    const original: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const runId = await mlflow.newRun(experimentId);
      original.push(runId);
      if (i < 20) {
        const metric = { key: 'm', value: i % 4, timestamp: 1, step: 0 };
        await mlflow.post('runs/log-batch', { run_id: runId, metrics: [metric] }).expect(200);
      }
    }
    const search = (token?: string) =>
      mlflow.post('runs/search', {
        experiment_ids: [experimentId],
        order_by: ['metrics.m DESC'],
        max_results: 7,
        page_token: token,
      });
    const seen: Array<{ id: string; m: number | null }> = [];
    const keep = (runs: Array<{ info: { run_id: string }; data: { metrics: KeyedValue[] } }>) => {
      for (const run of runs) {
        const m = run.data.metrics.find((x) => x.key === 'm');
        seen.push({ id: run.info.run_id, m: m ? (m.value as number) : null });
      }
    };
    const first = await search();
    keep(first.body.runs);
    // Runs that sort before the cursor arrive: an offset would shift them into duplicates.
    for (let i = 0; i < 3; i += 1) {
      const late = await mlflow.newRun(experimentId);
      const metric = { key: 'm', value: 9, timestamp: 1, step: 0 };
      await mlflow.post('runs/log-batch', { run_id: late, metrics: [metric] }).expect(200);
    }
    const wrong = await mlflow.post('runs/search', {
      experiment_ids: [experimentId],
      order_by: ['metrics.m DESC', 'params.p ASC'],
      page_token: first.body.next_page_token,
    });
    expect(wrong.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    let token = first.body.next_page_token as string | undefined;
    while (token) {
      const res = await search(token);
      keep(res.body.runs);
      token = res.body.next_page_token;
    }
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...original].sort());
    const values = seen.map((r) => r.m);
    expect(values.slice(20)).toEqual([null, null, null, null, null]);
    expect(values.slice(0, 20)).toEqual([...values.slice(0, 20)].sort((a, b) => b! - a!));
  });

  it('rejects a malformed filter or page token with INVALID_PARAMETER_VALUE', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'bad-filter' });
    for (const extra of [
      { filter: 'metrics.a < ' },
      { filter: "params.a = 'x' OR params.b = 'y'" },
      { page_token: '!!' },
    ]) {
      const res = await mlflow.post('runs/search', {
        experiment_ids: [body.experiment_id],
        ...extra,
      });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
  });

  it('passes the walk-through script (npm client + API token): artifact, search, history, registry alias', async () => {
    const script = fileURLToPath(new URL('../../scripts/mlflow-walkthrough.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [script, mlflow.stack.baseUrl]);
    expect(stdout).toContain('ok   uploaded an artifact file');
    expect(stdout).toContain('ok   registered a model version and set an alias');
    expect(stdout).not.toContain('FAIL');
  });

  it('serves the mlflow npm client (written elsewhere) end to end', async () => {
    // The client prints every request body; keep the test output readable.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const client = new MLflow({
        endpoint: mlflow.stack.baseUrl,
        headers: mlflow.alice,
      });
      const { experiment_id } = await client.Experiments.create({
        name: 'npm-client',
        artifact_location: '',
      });
      // (its setExperimentTag is skipped: the client drops the '/' before 'set-experiment-tag')
      const { run } = await client.Runs.create({
        experiment_id,
        user_id: 'x',
        start_time: Date.now(),
      });
      const run_id = run.info.run_id;
      await client.Runs.logParameter({ run_id, key: 'model', value: 'rf' });
      for (let step = 0; step < 3; step += 1) {
        await client.Runs.logMetric({
          run_id,
          key: 'rmse',
          value: 1 / (step + 1),
          timestamp: Date.now(),
          step,
        });
      }
      await client.Runs.setTag({ run_id, key: 'mlflow.parentRunId', value: 'p'.repeat(32) });
      await client.Runs.logBatch({
        run_id,
        metrics: [{ key: 'mae', value: 0.5, timestamp: Date.now(), step: 0 }],
        params: [{ key: 'depth', value: '4' }],
        tags: [],
      });
      const found = await client.Runs.search({
        experiment_ids: [experiment_id],
        filter: "metrics.rmse < 1 and params.model = 'rf'",
        order_by: ['metrics.rmse ASC'],
        max_results: 10,
      });
      expect(found.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([run_id]);
      const history = await client.Metrics.getHistory({ run_id, metric_key: 'rmse' });
      expect(history.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1, 2]);
      await client.Runs.update({ run_id, status: RunStatus.FINISHED, end_time: Date.now() });
      const got = await client.Runs.get({ run_id });
      expect(got.run.info.status).toBe('FINISHED');
      await expect(client.Runs.get({ run_id: '0'.repeat(32) })).rejects.toThrow(
        /RESOURCE_DOES_NOT_EXIST/,
      );
    } finally {
      log.mockRestore();
    }
  });
});
