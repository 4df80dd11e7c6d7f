import { invalid } from './filter-lexer.js';
import { parseOrderBy, type Comparison, type FilterNode } from './filter-parser.js';
import { hexToUuid } from './ids.js';
import type { OrderTerm } from './run-keyset.js';
import { scalarPredicate, SqlParams } from './sql-params.js';

const STRING_ATTRIBUTES: Record<string, string> = {
  run_name: 'r.name',
  status: 'r.status',
  user_id: 'r.user_id',
  artifact_uri: 'r.artifact_uri',
  lifecycle_stage: 'r.lifecycle_stage',
  run_id: "replace(r.id::text, '-', '')",
};
const NUMERIC_ATTRIBUTES: Record<string, string> = {
  start_time: 'r.start_time',
  end_time: 'r.end_time',
  created: 'r.start_time',
  Created: 'r.start_time',
};
const CHILD_TABLES = { metric: 'latest_metrics', param: 'params', tag: 'tags' } as const;

function childPredicate(cmp: Comparison, params: SqlParams): string {
  const table = CHILD_TABLES[cmp.entity as keyof typeof CHILD_TABLES];
  const head = `SELECT 1 FROM ${table} x WHERE x.run_id = r.id AND x.key = ${params.add(cmp.key)}`;
  if (cmp.comparator === 'IS NULL') return `NOT EXISTS (${head})`;
  if (cmp.comparator === 'IS NOT NULL') return `EXISTS (${head})`;
  return `EXISTS (${head} AND ${scalarPredicate('x.value', cmp, params)})`;
}

function runIdPredicate(cmp: Comparison, params: SqlParams): string {
  if (cmp.comparator !== '=' && cmp.comparator !== 'IN' && cmp.comparator !== 'NOT IN') {
    return scalarPredicate(STRING_ATTRIBUTES.run_id, cmp, params);
  }
  const ids = (Array.isArray(cmp.value) ? cmp.value : [String(cmp.value)])
    .map(hexToUuid)
    .filter((id): id is string => id !== null);
  const list = params.add(ids);
  return cmp.comparator === 'NOT IN'
    ? `r.id <> ALL(${list}::uuid[])`
    : `r.id = ANY(${list}::uuid[])`;
}

function attributePredicate(cmp: Comparison, params: SqlParams): string {
  if (cmp.key === 'run_id') return runIdPredicate(cmp, params);
  const numeric = NUMERIC_ATTRIBUTES[cmp.key];
  if (numeric) {
    if (typeof cmp.value !== 'number') {
      throw invalid(`Expected numeric value type for attribute '${cmp.key}'`);
    }
    return scalarPredicate(numeric, cmp, params);
  }
  const column = STRING_ATTRIBUTES[cmp.key];
  if (!column) throw invalid(`Invalid attribute key '${cmp.key}' in filter`);
  if (['<', '<=', '>', '>='].includes(cmp.comparator)) {
    throw invalid(`Invalid comparator '${cmp.comparator}' for attribute '${cmp.key}'`);
  }
  if (typeof cmp.value === 'number') throw invalid(`Value for '${cmp.key}' must be a string`);
  return scalarPredicate(column, cmp, params);
}

const DATASET_COLUMNS: Record<string, string> = { name: 'd.name', digest: 'd.digest' };

/** `datasets.name|digest|context`: some input of the run matches (context is an input tag). */
function datasetPredicate(cmp: Comparison, params: SqlParams): string {
  if (typeof cmp.value === 'number' || ['<', '<=', '>', '>='].includes(cmp.comparator)) {
    throw invalid(`Invalid comparison for dataset '${cmp.key}'`);
  }
  if (cmp.key === 'context') {
    return `EXISTS (SELECT 1 FROM inputs i JOIN input_tags t ON t.input_id = i.id
      AND t.key = 'mlflow.data.context' WHERE i.run_id = r.id AND ${scalarPredicate('t.value', cmp, params)})`;
  }
  const column = DATASET_COLUMNS[cmp.key];
  if (!column) throw invalid(`Invalid dataset key '${cmp.key}' in filter`);
  return `EXISTS (SELECT 1 FROM inputs i JOIN datasets d ON d.id = i.dataset_id
    WHERE i.run_id = r.id AND ${scalarPredicate(column, cmp, params)})`;
}

/** The SQL condition for a parsed filter over runs aliased `r`. */
export function runFilterSql(node: FilterNode | null, params: SqlParams): string {
  if (node === null) return 'TRUE';
  if (node.type !== 'cmp') {
    const joiner = node.type === 'and' ? ' AND ' : ' OR ';
    return `(${node.items.map((item) => runFilterSql(item, params)).join(joiner)})`;
  }
  if (node.entity === 'attribute') return attributePredicate(node, params);
  if (node.entity === 'dataset') return datasetPredicate(node, params);
  return childPredicate(node, params);
}

export interface OrderSql {
  joins: string[];
  terms: OrderTerm[];
}

const ATTRIBUTE_TYPES: Record<string, OrderTerm['type']> = {
  'r.id': 'uuid',
  'r.start_time': 'bigint',
  'r.end_time': 'bigint',
};

function orderTerm(text: string, index: number, params: SqlParams, order: OrderSql): void {
  const { entity, key, asc } = parseOrderBy(text);
  const dir = asc ? 'ASC' : 'DESC';
  if (entity === 'attribute') {
    const column = key === 'run_id' ? 'r.id' : (NUMERIC_ATTRIBUTES[key] ?? STRING_ATTRIBUTES[key]);
    if (!column) throw invalid(`Invalid order_by attribute '${key}'`);
    // Nulls last in either direction: ranked by a term of their own.
    order.terms.push(
      { expr: `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, dir: 'ASC', type: 'int' },
      { expr: column, dir, type: ATTRIBUTE_TYPES[column] ?? 'text' },
    );
    return;
  }
  if (entity === 'dataset') throw invalid('Ordering by datasets is not supported');
  const alias = `o${index}`;
  order.joins.push(
    `LEFT JOIN ${CHILD_TABLES[entity]} ${alias} ON ${alias}.run_id = r.id AND ${alias}.key = ${params.add(key)}`,
  );
  // MLflow's order: real values first, then NaN, then runs without the value.
  const rank =
    entity === 'metric'
      ? `CASE WHEN ${alias}.value IS NULL THEN 2 WHEN ${alias}.value = 'NaN' THEN 1 ELSE 0 END`
      : `CASE WHEN ${alias}.value IS NULL THEN 1 ELSE 0 END`;
  order.terms.push(
    { expr: rank, dir: 'ASC', type: 'int' },
    { expr: `${alias}.value`, dir, type: entity === 'metric' ? 'float8' : 'text' },
  );
}

/** Joins and ORDER BY terms; ties break on start time (newest first) then run id, as MLflow does. */
export function runOrderSql(orderBy: string[] | undefined, params: SqlParams): OrderSql {
  const order: OrderSql = { joins: [], terms: [] };
  (orderBy ?? []).forEach((text, index) => orderTerm(text, index, params, order));
  order.terms.push(
    { expr: 'r.start_time', dir: 'DESC', type: 'bigint' },
    { expr: 'r.id', dir: 'ASC', type: 'uuid' },
  );
  return order;
}
