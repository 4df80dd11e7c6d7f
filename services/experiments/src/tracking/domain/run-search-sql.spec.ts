import { DomainError } from '@hydroml/contracts';
import { experimentFilterSql, experimentOrderSql } from './experiment-search-sql.js';
import { parseFilter } from './filter-parser.js';
import { keysetPredicate, orderBySql } from './run-keyset.js';
import { runFilterSql, runOrderSql } from './run-search-sql.js';
import { SqlParams } from './sql-params.js';

function runSql(text: string): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const sql = runFilterSql(parseFilter(text, { extended: true }), params);
  return { sql, values: params.values };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('run search SQL', () => {
  it('binds every key and value as a parameter', () => {
    const { sql, values } = runSql("metrics.rmse < 1 AND params.model = 'rf'");
    expect(sql).toBe(
      '(EXISTS (SELECT 1 FROM latest_metrics x WHERE x.run_id = r.id AND x.key = $1 AND x.value < $2)' +
        ' AND EXISTS (SELECT 1 FROM params x WHERE x.run_id = r.id AND x.key = $3 AND x.value = $4))',
    );
    expect(values).toEqual(['rmse', 1, 'model', 'rf']);
  });

  it('maps attributes to columns and run ids to uuids', () => {
    expect(runSql("attributes.status = 'RUNNING'").sql).toBe('r.status = $1');
    expect(runSql('attributes.start_time >= 5').sql).toBe('r.start_time >= $1');
    const ids = runSql(`attributes.run_id IN ('${'a'.repeat(32)}', 'nope')`);
    expect(ids.sql).toBe('r.id = ANY($1::uuid[])');
    expect(ids.values).toEqual([['aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa']]);
    expect(runSql(`attributes.run_id NOT IN ('${'b'.repeat(32)}')`).sql).toBe(
      'r.id <> ALL($1::uuid[])',
    );
    expect(runSql("attributes.run_id LIKE 'ab%'").sql).toContain('LIKE $1');
    expect(runSql('tags.t IS NULL OR tags.u IS NOT NULL').sql).toMatch(
      /^\(NOT EXISTS .* OR EXISTS/,
    );
    expect(runSql("tags.t IN ('a')").sql).toContain('x.value = ANY($2::text[])');
    expect(runSql("params.p NOT IN ('a')").sql).toContain('x.value <> ALL($2::text[])');
  });

  it('matches datasets by name, digest and context through the run inputs', () => {
    expect(runSql("datasets.name = 'flows'").sql).toMatch(/JOIN datasets d .* d\.name = \$1\)$/s);
    expect(runSql("datasets.digest IN ('ab')").sql).toContain('d.digest = ANY($1::text[])');
    expect(runSql("datasets.context = 'training'").sql).toContain("t.key = 'mlflow.data.context'");
  });

  it.each([
    ["attributes.bogus = 'x'"],
    ["attributes.start_time = 'x'"],
    ["attributes.status < 'x'"],
    ['attributes.status = 3'],
    ['datasets.name < 1'],
    ["datasets.bogus = 'x'"],
  ])('rejects %s', (text) => {
    expect(codeOf(() => runSql(text))).toBe('invalid_argument');
  });

  it('orders metrics with values first, then NaN, then missing; ties by start time and id', () => {
    const params = new SqlParams();
    const order = runOrderSql(
      ['metrics.rmse ASC', 'params.model DESC', 'attributes.run_name'],
      params,
    );
    expect(order.joins).toHaveLength(2);
    expect(orderBySql(order.terms)).toBe(
      [
        "CASE WHEN o0.value IS NULL THEN 2 WHEN o0.value = 'NaN' THEN 1 ELSE 0 END ASC",
        'o0.value ASC',
        'CASE WHEN o1.value IS NULL THEN 1 ELSE 0 END ASC',
        'o1.value DESC',
        'CASE WHEN r.name IS NULL THEN 1 ELSE 0 END ASC',
        'r.name ASC',
        'r.start_time DESC',
        'r.id ASC',
      ].join(', '),
    );
    expect(order.terms.map((t) => t.type)).toEqual([
      'int',
      'float8',
      'int',
      'text',
      'int',
      'text',
      'bigint',
      'uuid',
    ]);
    expect(params.values).toEqual(['rmse', 'model']);
    expect(codeOf(() => runOrderSql(['attributes.nope'], new SqlParams()))).toBe(
      'invalid_argument',
    );
    expect(codeOf(() => runOrderSql(['datasets.x'], new SqlParams()))).toBe('invalid_argument');
  });
});

describe('run keyset paging', () => {
  it('resumes strictly after the last key, nulls equal to null keys', () => {
    const params = new SqlParams();
    const terms = runOrderSql(['metrics.rmse DESC'], params).terms;
    const sql = keysetPredicate(terms, ['2', null, '5', 'a-b'], params);
    const branches = sql.slice(1, -1).split(' OR ');
    expect(branches).toHaveLength(4);
    expect(branches[1]).toBe(
      "((CASE WHEN o0.value IS NULL THEN 2 WHEN o0.value = 'NaN' THEN 1 ELSE 0 END) IS NOT DISTINCT FROM $2::int AND (o0.value) < $3::float8)",
    );
    expect(branches[3]).toMatch(/IS NOT DISTINCT FROM \$4::bigint AND \(r.id\) > \$5::uuid\)$/);
    expect(params.values).toEqual(['rmse', '2', null, '5', 'a-b']);
  });
});

describe('experiment search SQL', () => {
  it('filters on name, times and tags', () => {
    const params = new SqlParams();
    const sql = experimentFilterSql(
      parseFilter("name LIKE 'a%' AND creation_time > 5 AND tags.k = 'v'"),
      params,
    );
    expect(sql).toBe(
      '(e.name LIKE $1 AND e.creation_time > $2 AND EXISTS (SELECT 1 FROM experiment_tags x WHERE x.experiment_id = e.id AND x.key = $3 AND x.value = $4))',
    );
    expect(experimentFilterSql(parseFilter('tags.k IS NULL'), new SqlParams())).toMatch(
      /^NOT EXISTS/,
    );
    expect(experimentFilterSql(null, params)).toBe('TRUE');
  });

  it('rejects unknown keys and mistyped values', () => {
    for (const text of ['metrics.a < 1', "bogus = 'x'", "creation_time = 'x'", 'name = 1']) {
      expect(codeOf(() => experimentFilterSql(parseFilter(text), new SqlParams()))).toBe(
        'invalid_argument',
      );
    }
  });

  it('orders newest first by default and always ties by id', () => {
    expect(experimentOrderSql(undefined)).toEqual(['e.creation_time DESC', 'e.num ASC']);
    expect(experimentOrderSql(['name DESC'])).toEqual(['e.name DESC', 'e.num ASC']);
    expect(codeOf(() => experimentOrderSql(['tags.x']))).toBe('invalid_argument');
  });
});
