import { invalid } from '../../tracking/domain/filter-lexer.js';
import { parseFilter, parseOrderBy, type FilterNode } from '../../tracking/domain/filter-parser.js';
import { scalarPredicate, type SqlParams } from '../../tracking/domain/sql-params.js';

export interface RegistrySearchTarget {
  /** Attribute name -> SQL column and whether it compares as a number. */
  columns: Record<string, { sql: string; numeric: boolean }>;
  tagTable: string;
  tagOwner: string;
  ownerSql: string;
  defaultOrder: string[];
}

export const MODEL_SEARCH: RegistrySearchTarget = {
  columns: {
    name: { sql: 'm.name', numeric: false },
    timestamp: { sql: 'm.last_update_time', numeric: true },
    last_updated_timestamp: { sql: 'm.last_update_time', numeric: true },
    creation_timestamp: { sql: 'm.creation_time', numeric: true },
  },
  tagTable: 'registered_model_tags',
  tagOwner: 'model_id',
  ownerSql: 'm.id',
  defaultOrder: ['m.name ASC'],
};

export const VERSION_SEARCH: RegistrySearchTarget = {
  columns: {
    name: { sql: 'm.name', numeric: false },
    run_id: { sql: 'v.run_id', numeric: false },
    source_path: { sql: 'v.source', numeric: false },
    current_stage: { sql: 'v.current_stage', numeric: false },
    version_number: { sql: 'v.version', numeric: true },
    creation_timestamp: { sql: 'v.creation_time', numeric: true },
    last_updated_timestamp: { sql: 'v.last_update_time', numeric: true },
  },
  tagTable: 'model_version_tags',
  tagOwner: 'version_id',
  ownerSql: 'v.id',
  defaultOrder: ['m.name ASC', 'v.version DESC'],
};

function nodeSql(node: FilterNode, target: RegistrySearchTarget, params: SqlParams): string {
  if (node.type !== 'cmp') {
    const joiner = node.type === 'and' ? ' AND ' : ' OR ';
    return `(${node.items.map((item) => nodeSql(item, target, params)).join(joiner)})`;
  }
  if (node.entity === 'tag') {
    const head = `SELECT 1 FROM ${target.tagTable} x WHERE x.${target.tagOwner} = ${target.ownerSql} AND x.key = ${params.add(node.key)}`;
    return `EXISTS (${head} AND ${scalarPredicate('x.value', node, params)})`;
  }
  const column = node.entity === 'attribute' ? target.columns[node.key] : undefined;
  if (!column) throw invalid(`Invalid filter key '${node.key}'`);
  if (column.numeric !== (typeof node.value === 'number')) {
    throw invalid(`Invalid value type for '${node.key}'`);
  }
  return scalarPredicate(column.sql, node, params);
}

/** The SQL condition for a registry search filter (MLflow's grammar, AND only). */
export function registryFilterSql(
  filter: string | undefined,
  target: RegistrySearchTarget,
  params: SqlParams,
): string {
  const node = parseFilter(filter);
  return node === null ? 'TRUE' : nodeSql(node, target, params);
}

export function registryOrderSql(
  orderBy: string[] | undefined,
  target: RegistrySearchTarget,
): string[] {
  const terms = (orderBy ?? []).map((text) => {
    const { entity, key, asc } = parseOrderBy(text);
    const column = entity === 'attribute' ? target.columns[key] : undefined;
    if (!column) throw invalid(`Invalid order_by clause '${text}'`);
    return `${column.sql} ${asc ? 'ASC' : 'DESC'}`;
  });
  return [...terms, ...target.defaultOrder, `${target.ownerSql} ASC`];
}
