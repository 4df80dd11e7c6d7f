import { invalid } from './filter-lexer.js';
import { parseOrderBy, type Comparison, type FilterNode } from './filter-parser.js';
import { scalarPredicate, SqlParams } from './sql-params.js';

const COLUMNS: Record<string, { sql: string; numeric: boolean }> = {
  name: { sql: 'e.name', numeric: false },
  experiment_id: { sql: 'e.num', numeric: true },
  creation_time: { sql: 'e.creation_time', numeric: true },
  last_update_time: { sql: 'e.last_update_time', numeric: true },
};

function comparisonSql(cmp: Comparison, params: SqlParams): string {
  if (cmp.entity === 'tag') {
    const head = `SELECT 1 FROM experiment_tags x WHERE x.experiment_id = e.id AND x.key = ${params.add(cmp.key)}`;
    if (cmp.comparator === 'IS NULL') return `NOT EXISTS (${head})`;
    if (cmp.comparator === 'IS NOT NULL') return `EXISTS (${head})`;
    return `EXISTS (${head} AND ${scalarPredicate('x.value', cmp, params)})`;
  }
  if (cmp.entity !== 'attribute') {
    throw invalid(`Invalid entity type '${cmp.entity}' in an experiment filter`);
  }
  const column = COLUMNS[cmp.key];
  if (!column) throw invalid(`Invalid attribute key '${cmp.key}' in an experiment filter`);
  if (column.numeric !== (typeof cmp.value === 'number')) {
    throw invalid(`Invalid value type for attribute '${cmp.key}'`);
  }
  return scalarPredicate(column.sql, cmp, params);
}

/** The SQL condition for an experiment filter over experiments aliased `e`. */
export function experimentFilterSql(node: FilterNode | null, params: SqlParams): string {
  if (node === null) return 'TRUE';
  if (node.type === 'cmp') return comparisonSql(node, params);
  const joiner = node.type === 'and' ? ' AND ' : ' OR ';
  return `(${node.items.map((item) => experimentFilterSql(item, params)).join(joiner)})`;
}

/** ORDER BY terms; MLflow's default is newest first, ties broken by id. */
export function experimentOrderSql(orderBy: string[] | undefined): string[] {
  const terms = (orderBy ?? []).map((text) => {
    const { entity, key, asc } = parseOrderBy(text);
    const column = entity === 'attribute' ? COLUMNS[key] : undefined;
    if (!column) throw invalid(`Invalid order_by clause '${text}'`);
    return `${column.sql} ${asc ? 'ASC' : 'DESC'}`;
  });
  if (terms.length === 0) terms.push('e.creation_time DESC');
  terms.push('e.num ASC');
  return terms;
}
