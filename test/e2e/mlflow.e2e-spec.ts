import { API, mlflowSession } from './mlflow-session.js';

describe('MLflow tracking API', () => {
  const mlflow = mlflowSession();

  it('creates, reads and renames experiments; a duplicate name is RESOURCE_ALREADY_EXISTS', async () => {
    const created = await mlflow.post('experiments/create', {
      name: 'exp-a',
      tags: [{ key: 'team', value: 'hydro' }],
    });
    expect(created.status).toBe(200);
    const id = created.body.experiment_id as string;
    expect(id).toMatch(/^\d+$/);
    const dup = await mlflow.post('experiments/create', { name: 'exp-a' });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      error_code: 'RESOURCE_ALREADY_EXISTS',
      message: 'Experiment(name=exp-a) already exists.',
    });
    const got = await mlflow.api
      .get(`${API}/experiments/get`)
      .query({ experiment_id: id })
      .set(mlflow.alice);
    expect(got.status).toBe(200);
    expect(got.body.experiment).toMatchObject({
      experiment_id: id,
      name: 'exp-a',
      lifecycle_stage: 'active',
      artifact_location: `mlflow-artifacts:/${id}`,
      tags: [{ key: 'team', value: 'hydro' }],
    });
    expect(typeof got.body.experiment.creation_time).toBe('number');
    await mlflow
      .post('experiments/update', { experiment_id: id, new_name: 'exp-b' })
      .then((r) => expect(r.status).toBe(200));
    const byName = await mlflow.api
      .get(`/ajax-api/2.0/mlflow/experiments/get-by-name`)
      .query({ experiment_name: 'exp-b' })
      .set(mlflow.alice);
    expect(byName.body.experiment.experiment_id).toBe(id);
    await mlflow.post('experiments/set-experiment-tag', {
      experiment_id: id,
      key: 'k',
      value: 'v',
    });
    const searched = await mlflow.post('experiments/search', {
      filter: "tags.k = 'v'",
      max_results: 10,
    });
    expect(searched.body.experiments.map((e: { name: string }) => e.name)).toEqual(['exp-b']);
    const viaGet = await mlflow.api
      .get(`${API}/experiments/search`)
      .query({ filter: "name LIKE 'exp-%'", order_by: 'name DESC', max_results: 5 })
      .set(mlflow.alice);
    expect(viaGet.body.experiments.map((e: { name: string }) => e.name)).toEqual(['exp-b']);
    const removed = await mlflow.post('experiments/delete-experiment-tag', {
      experiment_id: id,
      key: 'k',
    });
    expect(removed.status).toBe(200);
  });

  it('maps experiment "0" to the caller’s Default experiment, created on first use', async () => {
    const res = await mlflow.post('runs/create', { experiment_id: '0' });
    expect(res.status).toBe(200);
    const again = await mlflow.post('runs/create', { experiment_id: '0' });
    expect(again.body.run.info.experiment_id).toBe(res.body.run.info.experiment_id);
    const exp = await mlflow.api
      .get(`${API}/experiments/get`)
      .query({ experiment_id: '0' })
      .set(mlflow.alice);
    expect(exp.body.experiment).toMatchObject({
      name: 'Default',
      experiment_id: res.body.run.info.experiment_id,
    });
    const found = await mlflow.post('runs/search', { experiment_ids: ['0'] });
    expect(found.body.runs).toHaveLength(2);
    const bobs = await mlflow.post('runs/create', { experiment_id: '0' }, mlflow.bob);
    expect(bobs.body.run.info.experiment_id).not.toBe(res.body.run.info.experiment_id);
  });

  it('hides another tenant’s experiments and runs as RESOURCE_DOES_NOT_EXIST', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'private' });
    const runId = await mlflow.newRun(body.experiment_id as string);
    const exp = await mlflow.api
      .get(`${API}/experiments/get`)
      .query({ experiment_id: body.experiment_id as string })
      .set(mlflow.bob);
    expect(exp.status).toBe(404);
    expect(exp.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const run = await mlflow.api.get(`${API}/runs/get`).query({ run_id: runId }).set(mlflow.bob);
    expect(run.status).toBe(404);
    const write = await mlflow.post(
      'runs/log-parameter',
      { run_id: runId, key: 'a', value: '1' },
      mlflow.bob,
    );
    expect(write.status).toBe(404);
    const search = await mlflow.post(
      'experiments/search',
      { filter: "name = 'private'" },
      mlflow.bob,
    );
    expect(search.body.experiments).toEqual([]);
    const sameName = await mlflow.post('experiments/create', { name: 'private' }, mlflow.bob);
    expect(sameName.status).toBe(200);
  });

  it('answers an unknown run with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const res = await mlflow.api
      .get(`${API}/runs/get`)
      .query({ run_id: 'f'.repeat(32) })
      .set(mlflow.alice);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const noAuth = await mlflow.api.get(`${API}/runs/get`).query({ run_id: 'f'.repeat(32) });
    expect(noAuth.status).toBe(401);
  });

  it('logs params once, tags last-write-wins, metrics with history and NaN', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'logging' });
    const runId = await mlflow.newRun(body.experiment_id as string);
    expect(
      await mlflow.post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' }),
    ).toHaveProperty('status', 200);
    expect(
      await mlflow.post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' }),
    ).toHaveProperty('status', 200);
    const changed = await mlflow.post('runs/log-parameter', {
      run_id: runId,
      key: 'lr',
      value: '0.2',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await mlflow.post('runs/set-tag', { run_id: runId, key: 'stage', value: 'a' });
    await mlflow.post('runs/set-tag', { run_id: runId, key: 'stage', value: 'b' });
    for (const [step, value] of [
      [0, 3],
      [2, 1],
      [1, 2],
    ] as const) {
      await mlflow.post('runs/log-metric', {
        run_id: runId,
        key: 'loss',
        value,
        timestamp: 1000 + step,
        step,
      });
    }
    await mlflow.post('runs/log-metric', { run_id: runId, key: 'odd', value: 'NaN', timestamp: 5 });
    const run = await mlflow.api.get(`${API}/runs/get`).query({ run_id: runId }).set(mlflow.alice);
    expect(run.body.run.data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    expect(run.body.run.data.tags).toContainEqual({ key: 'stage', value: 'b' });
    expect(run.body.run.data.metrics).toEqual([
      { key: 'loss', value: 1, timestamp: 1002, step: 2 },
      { key: 'odd', value: 'NaN', timestamp: 5, step: 0 },
    ]);
    const history = await mlflow.api
      .get(`${API}/metrics/get-history`)
      .query({ run_id: runId, metric_key: 'loss', max_results: 2 })
      .set(mlflow.alice);
    expect(history.body.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1]);
    const rest = await mlflow.api
      .get(`${API}/metrics/get-history`)
      .query({
        run_id: runId,
        metric_key: 'loss',
        page_token: history.body.next_page_token as string,
      })
      .set(mlflow.alice);
    expect(rest.body.metrics.map((m: { value: number }) => m.value)).toEqual([1]);
  });

  it('samples metric histories of several runs by step (get-history-bulk-interval)', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'bulk' });
    const runs = [
      await mlflow.newRun(body.experiment_id as string),
      await mlflow.newRun(body.experiment_id as string),
    ];
    const metrics = Array.from({ length: 11 }, (_, step) => ({
      key: 'loss',
      value: step,
      timestamp: 1,
      step,
    }));
    for (const run_id of runs) await mlflow.post('runs/log-batch', { run_id, metrics });
    const res = await mlflow.api
      .get(`${API}/metrics/get-history-bulk-interval`)
      .query(`run_ids=${runs[0]}&run_ids=${runs[1]}&metric_key=loss&max_results=3&start_step=0`)
      .set(mlflow.alice);
    expect(res.status).toBe(200);
    const steps = (res.body.metrics as Array<{ run_id: string; step: number }>).map(
      (m) => `${m.run_id === runs[0] ? 'a' : 'b'}${m.step}`,
    );
    expect(steps).toEqual(['a0', 'a5', 'a10', 'b0', 'b5', 'b10']);
  });

  it('logs dataset inputs and finds runs by dataset name and context', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'inputs' });
    const experimentId = body.experiment_id as string;
    const [withData, without] = [
      await mlflow.newRun(experimentId),
      await mlflow.newRun(experimentId),
    ];
    const dataset = {
      name: 'flows',
      digest: 'abc123',
      source_type: 'local',
      source: '{"uri": "x"}',
    };
    const logged = await mlflow.post('runs/log-inputs', {
      run_id: withData,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }],
    });
    expect(logged.status).toBe(200);
    const run = await mlflow.api
      .get(`${API}/runs/get`)
      .query({ run_id: withData })
      .set(mlflow.alice);
    expect(run.body.run.inputs.dataset_inputs).toEqual([
      { tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset },
    ]);
    for (const filter of ["datasets.name = 'flows'", "datasets.context = 'training'"]) {
      const res = await mlflow.post('runs/search', { experiment_ids: [experimentId], filter });
      const ids = (res.body.runs as Array<{ info: { run_id: string } }>).map((r) => r.info.run_id);
      expect(ids).toEqual([withData]);
    }
    expect(without).not.toBe(withData);
  });

  it('keeps the run name and the mlflow.runName tag in step; nests runs through mlflow.parentRunId', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'names' });
    const parent = await mlflow.newRun(body.experiment_id as string);
    const child = await mlflow.post('runs/create', {
      experiment_id: body.experiment_id,
      run_name: 'child-run',
      tags: [{ key: 'mlflow.parentRunId', value: parent }],
    });
    expect(child.body.run.info.run_name).toBe('child-run');
    const childId = child.body.run.info.run_id as string;
    await mlflow.post('runs/set-tag', { run_id: childId, key: 'mlflow.runName', value: 'renamed' });
    const got = await mlflow.api
      .get(`${API}/runs/get`)
      .query({ run_id: childId })
      .set(mlflow.alice);
    expect(got.body.run.info.run_name).toBe('renamed');
    await mlflow.post('runs/update', { run_id: childId, run_name: 'again' });
    const again = await mlflow.api
      .get(`${API}/runs/get`)
      .query({ run_id: childId })
      .set(mlflow.alice);
    expect(again.body.run.data.tags).toContainEqual({ key: 'mlflow.runName', value: 'again' });
    const generated = await mlflow.api
      .get(`${API}/runs/get`)
      .query({ run_id: parent })
      .set(mlflow.alice);
    expect(generated.body.run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    const nested = await mlflow.post('runs/search', {
      experiment_ids: [body.experiment_id],
      filter: `tags.mlflow.parentRunId = '${parent}'`,
    });
    expect(nested.body.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([
      childId,
    ]);
    await mlflow
      .post('runs/delete-tag', { run_id: childId, key: 'mlflow.parentRunId' })
      .then((r) => expect(r.status).toBe(200));
    const missing = await mlflow.post('runs/delete-tag', { run_id: childId, key: 'nope' });
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});
