// The grid requests bench/studio sends, and the SQL DuckDB runs for them as the reference.
import 'reflect-metadata';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { compileGridQuery, parquetSource } from '@hydroml/recipes';
import { api } from '../lib/platform.mjs';

/** Each request `i` differs in one filter value, so a cold request never hits the cache. */
export const scenarios = [
  {
    name: 'flights-3m',
    file: 'flights',
    request: (i) => ({
      startRow: 0,
      endRow: 100,
      sortModel: [
        { colId: 'delay', sort: 'desc' },
        { colId: 'distance', sort: 'asc' },
      ],
      filterModel: {
        distance: { filterType: 'number', type: 'greaterThan', filter: 300 + i },
        origin: { filterType: 'text', type: 'startsWith', filter: 'S' },
      },
    }),
  },
  {
    name: 'generated-10M',
    file: 'generated',
    request: (i) => ({
      startRow: 0,
      endRow: 100,
      sortModel: [
        { colId: 's2', sort: 'asc' },
        { colId: 'b', sort: 'desc' },
      ],
      filterModel: {
        a: { filterType: 'number', type: 'greaterThan', filter: 50_000 + i },
        s1: { filterType: 'text', type: 'contains', filter: '7' },
      },
    }),
  },
];

/** The page and count SQL the service compiles for `request` over the Parquet file at `file`. */
export function referenceSql(file, schema, request) {
  const source = {
    source: `(${parquetSource(`'${file.replace(/'/g, "''")}'`)})`,
    binds: [],
    schema,
  };
  return compileGridQuery(source, request);
}

export function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))];
}

/** Uploads `path` as a new data source and waits for its first version; answers its detail. */
export async function uploadToReady(base, token, projectId, path, name) {
  const form = new FormData();
  form.set('name', name);
  form.set('file', await openAsBlob(path), basename(path));
  const res = await fetch(`${base}/api/v1/projects/${projectId}/data-sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { job, dataSource } = await res.json();
  for (;;) {
    const current = await api(base, 'GET', `/api/v1/jobs/${job.id}`, undefined, token);
    if (current.status === 'succeeded') break;
    if (current.status !== 'queued' && current.status !== 'running') {
      throw new Error(`job ${current.status}: ${current.error?.message}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const detail = await api(
    base,
    'GET',
    `/api/v1/data-sources/${dataSource.id}/versions/1`,
    undefined,
    token,
  );
  return { ...detail, dataSourceId: dataSource.id };
}
