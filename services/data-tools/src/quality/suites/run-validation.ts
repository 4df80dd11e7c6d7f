import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import {
  DomainError,
  type ColumnSchema,
  type ExpectationConfig,
  type ExpectationResult,
} from '@hydroml/contracts';
import { ROW_ID } from '@hydroml/recipes';
import { sqlIdent } from '../../engine/duck-engine.js';
import { count, queryRows, type Row } from '../profile/duck-rows.js';
import { expectationDefinition } from './expectation-catalogue.js';
import { Kwargs } from './expectation-kwargs.js';
import {
  MissingColumnError,
  safeType,
  type ExpectationPlan,
  type MapPlan,
  type PlanContext,
} from './expectation-plan.js';

export interface ValidationInput {
  /** The version's rows with the hidden row id (file order). */
  ordered: string;
  schema: readonly ColumnSchema[];
  expectations: readonly ExpectationConfig[];
  /** Unexpected rows kept per failing row-level expectation. */
  sampleSize: number;
}

const PARTIAL_LIST = 20;

interface Planned {
  config: ExpectationConfig;
  plan?: ExpectationPlan;
  exception?: string;
}

/**
 * Validates a version against expectations: one aggregate pass for every row-level count and
 * aggregate, window columns computed once (materialised when any), then samples of the rows
 * that broke each failing row-level expectation.
 */
export async function runValidation(
  c: DuckDBConnection,
  input: ValidationInput,
): Promise<ExpectationResult[]> {
  const groups = splitByWindows(input);
  const merged: Row = {};
  const planned: Planned[] = input.expectations.map((config) => ({ config }));
  const sourceOf = new Map<number, { source: string; windows: string[] }>();
  for (const group of groups) {
    if (group.indexes.length === 0) continue;
    const params: DuckDBValue[] = [];
    const ctx = context(input.schema, group.windows, params);
    const mine = input.expectations.map((config, i) =>
      group.indexes.includes(i) ? planOne(config, ctx, params) : { config },
    );
    const source = group.source(group.windows);
    const row = await aggregates(c, source, mine, params).catch(() =>
      // One expectation the engine refuses (a type it cannot compare) must not sink the others.
      oneByOne(c, source, mine, input, group.windows),
    );
    Object.assign(merged, row);
    for (const i of group.indexes) {
      planned[i] = mine[i];
      sourceOf.set(i, { source, windows: group.windows });
    }
  }
  if (merged.__rows === undefined) {
    Object.assign(
      merged,
      (await queryRows(c, `SELECT count(*)::DOUBLE AS __rows FROM ${input.ordered}`))[0],
    );
  }
  const samples = new Map<number, Row[]>();
  for (const [i, p] of planned.entries()) {
    const at = sourceOf.get(i);
    if (p.plan?.kind !== 'map' || !at || count(merged[`u${i}`]) === 0) continue;
    samples.set(i, await sampleOf(c, at.source, p.config, input, at.windows));
  }
  return planned.map((p, i) => resultOf(p, i, merged, samples.get(i) ?? []));
}

interface Group {
  indexes: number[];
  windows: string[];
  source: (windows: string[]) => string;
}

/**
 * Expectations that need window values (order, uniqueness) read a narrow relation (row id, the
 * columns they use, the windows) so that the window's sort carries little; the others read the
 * version as is.
 */
function splitByWindows(input: ValidationInput): [Group, Group] {
  const plain: Group = { indexes: [], windows: [], source: () => input.ordered };
  const used = new Set<string>();
  const windowed: Group = {
    indexes: [],
    windows: [],
    source: (windows) => {
      const columns = [ROW_ID, ...used].map(sqlIdent).join(', ');
      const extra = windows.map((w, i) => `${w} AS __w${i}`).join(', ');
      return `(SELECT ${columns}, ${extra} FROM ${input.ordered})`;
    },
  };
  input.expectations.forEach((config, i) => {
    const scratch: string[] = [];
    const columns = new Set<string>();
    const ctx = { ...context(input.schema, scratch, []), used: columns };
    planOne(config, ctx, []);
    if (scratch.length === 0) return plain.indexes.push(i);
    windowed.indexes.push(i);
    columns.forEach((name) => used.add(name));
  });
  return [plain, windowed];
}

/** Binding pushes to `params`; window expressions are shared (same expression, same column). */
function context(
  schema: readonly ColumnSchema[],
  windows: string[],
  params: DuckDBValue[],
): PlanContext {
  return {
    schema,
    bind: (value, column) => {
      params.push(value);
      const p = `$${params.length}`;
      return column ? `TRY_CAST(${p} AS ${safeType(column.sourceType)})` : p;
    },
    window: (expression) => {
      if (!windows.includes(expression)) windows.push(expression);
      return `__w${windows.indexOf(expression)}`;
    },
  };
}

function planOne(config: ExpectationConfig, ctx: PlanContext, params: DuckDBValue[]): Planned {
  const mark = params.length;
  try {
    const definition = expectationDefinition(config.type);
    return { config, plan: definition.plan(new Kwargs(config.type, config.kwargs), ctx) };
  } catch (error) {
    if (error instanceof MissingColumnError || error instanceof DomainError) {
      params.length = mark; // parameters of a plan that failed half-way are not in the query
      return { config, exception: error.message };
    }
    throw error;
  }
}

async function aggregates(
  c: DuckDBConnection,
  source: string,
  planned: Planned[],
  params: DuckDBValue[],
) {
  const selects = ['count(*)::DOUBLE AS __rows'];
  planned.forEach(({ plan }, i) => {
    if (plan?.kind === 'map') {
      selects.push(`count(*) FILTER (WHERE ${plan.domain})::DOUBLE AS d${i}`);
      selects.push(`count(*) FILTER (WHERE ${plan.unexpected})::DOUBLE AS u${i}`);
      selects.push(`count(*) FILTER (WHERE ${plan.missing})::DOUBLE AS m${i}`);
    } else if (plan?.kind === 'aggregate') {
      selects.push(`${plan.observed} AS o${i}`, `${plan.success} AS s${i}`);
    }
  });
  const sql = `SELECT ${selects.join(',\n ')} FROM ${source}`;
  const [row] = await queryRows(c, sql, params.length ? params : undefined);
  return row;
}

/** Fallback: each expectation in its own query; one that fails gets the engine's reason. */
async function oneByOne(
  c: DuckDBConnection,
  source: string,
  planned: Planned[],
  input: ValidationInput,
  windows: string[],
): Promise<Row> {
  const merged: Row = {};
  for (const [i, p] of planned.entries()) {
    if (!p.plan || p.plan.kind === 'schema') continue;
    const params: DuckDBValue[] = [];
    const again = planOne(p.config, context(input.schema, windows, params), params);
    const alone = planned.map((q, j) => (j === i ? again : { config: q.config }));
    try {
      Object.assign(merged, await aggregates(c, source, alone, params));
    } catch (error) {
      planned[i] = {
        config: p.config,
        exception: error instanceof Error ? error.message.split('\n')[0] : String(error),
      };
    }
  }
  if (merged.__rows === undefined) {
    Object.assign(
      merged,
      (await queryRows(c, `SELECT count(*)::DOUBLE AS __rows FROM ${source}`))[0],
    );
  }
  return merged;
}

function mapSuccess(plan: MapPlan, row: Row, i: number): boolean {
  const domain = count(row[`d${i}`]);
  const unexpected = count(row[`u${i}`]);
  return domain === 0 || (domain - unexpected) / domain >= plan.mostly;
}

/** Re-plans one expectation with its own parameters and fetches rows that break it. */
async function sampleOf(
  c: DuckDBConnection,
  source: string,
  config: ExpectationConfig,
  input: ValidationInput,
  windows: string[],
): Promise<Row[]> {
  if (input.sampleSize === 0) return [];
  const params: DuckDBValue[] = [];
  const { plan } = planOne(config, context(input.schema, windows, params), params);
  if (plan?.kind !== 'map') return [];
  const exclude =
    source === input.ordered ? [ROW_ID] : [ROW_ID, ...windows.map((_, i) => `__w${i}`)];
  const sql = `SELECT * EXCLUDE (${exclude.map(sqlIdent).join(', ')}), ${sqlIdent(ROW_ID)}::DOUBLE AS __row
    FROM ${source} WHERE ${plan.unexpected} LIMIT ${Math.floor(input.sampleSize)}`;
  const rows = await queryRows(c, sql, params.length ? params : undefined);
  return rows.sort((a, b) => count(a.__row) - count(b.__row));
}

function resultOf(p: Planned, i: number, row: Row, sample: Row[]): ExpectationResult {
  const rows = count(row.__rows);
  const base: ExpectationResult = {
    ...{ expectation: p.config, success: false, observedValue: null, elementCount: rows },
    ...{ missingCount: 0, unexpectedCount: 0, unexpectedPercent: 0, unexpectedPercentTotal: 0 },
    ...{ partialUnexpectedList: [], unexpectedRows: [] },
  };
  if (!p.plan) return { ...base, exception: p.exception ?? 'not evaluated' };
  if (p.plan.kind === 'schema')
    return { ...base, observedValue: p.plan.observed, success: p.plan.success };
  if (p.plan.kind === 'aggregate') {
    return { ...base, observedValue: row[`o${i}`], success: row[`s${i}`] === true };
  }
  const domain = count(row[`d${i}`]);
  const unexpected = count(row[`u${i}`]);
  const column = p.plan.valueColumn;
  return {
    ...base,
    success: mapSuccess(p.plan, row, i),
    ...{ missingCount: count(row[`m${i}`]), unexpectedCount: unexpected },
    unexpectedPercent: domain ? (100 * unexpected) / domain : 0,
    unexpectedPercentTotal: rows ? (100 * unexpected) / rows : 0,
    observedValue: domain ? (100 * unexpected) / domain : 0,
    partialUnexpectedList: column ? sample.slice(0, PARTIAL_LIST).map((r) => r[column]) : [],
    unexpectedRows: sample,
  };
}
