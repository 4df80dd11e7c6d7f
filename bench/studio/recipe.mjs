// bench/studio, recipe part: a 10-step session over the generated 10M-row version. Times the 10th
// step's apply (validation + DESCRIBE + the first 100 rows), a 100-row grid page of the head (with
// its exact count), and "save" (materialising the head into a new version, a job).
import { api } from '../lib/platform.mjs';

export const TEN_STEPS = [
  { op: 'missing.indicator', params: { columns: ['f'] } },
  { op: 'missing.fill', params: { column: 'f', method: 'mean' } },
  { op: 'columns.cast', params: { column: 'a', to: 'float' } },
  { op: 'formula.column', params: { expression: 'b * 2 + c', as: 'bc' } },
  { op: 'dates.extract', params: { column: 'd', part: 'water_year' } },
  { op: 'text.case', params: { column: 's2', to: 'upper' } },
  {
    op: 'rows.filter',
    params: { filterModel: { a: { filterType: 'number', type: 'greaterThan', filter: 1000 } } },
  },
  { op: 'columns.rename', params: { mapping: { s1: 'station' } } },
  { op: 'text.trim', params: { column: 'station' } },
  { op: 'columns.drop', params: { columns: ['flag'] } },
];

async function time(work) {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

async function waitJob(base, token, id) {
  for (;;) {
    const job = await api(base, 'GET', `/api/v1/jobs/${id}`, undefined, token);
    if (job.status === 'succeeded') return job;
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new Error(`save ${job.status}: ${job.error?.message}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function recipeFigures(base, token, version) {
  const ref = { dataSourceId: version.dataSourceId, version: version.version };
  const session = await api(base, 'POST', '/api/v1/sessions', ref, token);
  const steps = `/api/v1/sessions/${session.id}/steps`;
  for (const step of TEN_STEPS.slice(0, 9)) await api(base, 'POST', steps, step, token);
  const preview = await time(() => api(base, 'POST', steps, TEN_STEPS[9], token));
  const rows = `/api/v1/sessions/${session.id}/rows`;
  const page = await time(() => api(base, 'POST', rows, { startRow: 0, endRow: 100 }, token));
  const save = await time(async () => {
    const job = await api(base, 'POST', `/api/v1/sessions/${session.id}/save`, {}, token);
    return waitJob(base, token, job.id);
  });
  console.log(
    `10-step recipe on ${version.rows} rows: apply 10th step with 100-row preview ${preview.ms.toFixed(0)} ms (target <= 300); head page of 100 rows + count ${page.ms.toFixed(0)} ms (${page.value.rowCount} rows); save (materialise) ${(save.ms / 1000).toFixed(2)} s -> ${save.value.result?.rows} rows`,
  );
}
