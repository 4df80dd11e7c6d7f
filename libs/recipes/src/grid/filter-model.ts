import type { ColumnSchema } from '@hydroml/contracts';
import {
  booleanCondition,
  dateCondition,
  numberCondition,
  setCondition,
  textCondition,
  type Condition,
} from './filter-conditions.js';
import { filterError, isRecord, schemaColumn, type Binder } from './filter-values.js';

const MAX_CONDITIONS = 200;
const MAX_DEPTH = 10;

/** Counts conditions so a huge or deeply nested model is refused instead of compiled. */
interface Budget {
  left: number;
}

function spend(budget: Budget): void {
  budget.left -= 1;
  if (budget.left < 0) throw filterError(undefined, `at most ${MAX_CONDITIONS} conditions`);
}

function simpleCondition(
  column: ColumnSchema,
  model: Condition,
  bind: Binder,
  budget: Budget,
): string {
  spend(budget);
  switch (model.filterType) {
    case 'text':
      return textCondition(column, model, bind);
    case 'number':
      return numberCondition(column, model, bind);
    case 'date':
    case 'dateString':
      return dateCondition(column, model, bind);
    case 'set':
      return setCondition(column, model, bind);
    case 'boolean':
      return booleanCondition(column, model);
    default:
      throw filterError(column.name, `unknown filterType "${String(model.filterType)}"`);
  }
}

function joinOperator(column: string | undefined, value: unknown): 'AND' | 'OR' {
  const operator = value ?? 'AND';
  if (operator !== 'AND' && operator !== 'OR') {
    throw filterError(column, 'the operator joining conditions must be AND or OR');
  }
  return operator;
}

function joined(parts: string[], operator: 'AND' | 'OR'): string {
  if (parts.length === 0) return 'TRUE';
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${operator} `)})`;
}

/** One column's model: simple, combined (`conditions` or `condition1/2` with AND/OR), or multi. */
function columnModel(column: ColumnSchema, model: unknown, bind: Binder, budget: Budget): string {
  if (!isRecord(model)) throw filterError(column.name, 'each filter must be an object');
  if (model.filterType === 'multi') {
    const models = model.filterModels;
    if (!Array.isArray(models)) throw filterError(column.name, '"filterModels" must be a list');
    const parts = models.filter((m) => m !== null).map((m) => columnModel(column, m, bind, budget));
    return joined(parts, 'AND');
  }
  const legacy = [model.condition1, model.condition2].filter((c) => c !== undefined && c !== null);
  const conditions = Array.isArray(model.conditions) ? model.conditions : legacy;
  if (conditions.length === 0) return simpleCondition(column, model, bind, budget);
  const operator = joinOperator(column.name, model.operator);
  const parts = conditions.map((condition: unknown) => {
    if (!isRecord(condition)) throw filterError(column.name, 'each condition must be an object');
    return simpleCondition(column, { filterType: model.filterType, ...condition }, bind, budget);
  });
  return joined(parts, operator);
}

/** The advanced filter model: `{filterType: 'join', type: AND|OR, conditions}` nested, leaves with colId. */
function advancedModel(
  node: unknown,
  schema: readonly ColumnSchema[],
  bind: Binder,
  state: { budget: Budget; depth: number },
): string {
  if (!isRecord(node)) throw filterError(undefined, 'each advanced filter node must be an object');
  if (node.filterType !== 'join') {
    return simpleCondition(schemaColumn(schema, node.colId), node, bind, state.budget);
  }
  if (state.depth >= MAX_DEPTH) throw filterError(undefined, `nesting deeper than ${MAX_DEPTH}`);
  if (!Array.isArray(node.conditions)) throw filterError(undefined, '"conditions" must be a list');
  const inner = { budget: state.budget, depth: state.depth + 1 };
  const parts = node.conditions.map((child: unknown) => advancedModel(child, schema, bind, inner));
  return joined(parts, joinOperator(undefined, node.type));
}

/** True when `model` is AG Grid's advanced filter model rather than a colId-keyed model. */
export function isAdvancedFilterModel(model: unknown): boolean {
  return (
    isRecord(model) &&
    typeof model.filterType === 'string' &&
    (model.filterType === 'join' || typeof model.colId === 'string')
  );
}

/**
 * Compiles an AG Grid filter model (colId-keyed, or the advanced nested model) into a SQL boolean
 * expression over the columns of `schema`. Column ids must name schema columns exactly; every value
 * goes through `bind`. Answers `TRUE` for an empty model; throws a StepError (invalid_argument,
 * field `filterModel`) naming the column for anything malformed.
 */
export function compileFilterModel(
  filterModel: unknown,
  schema: readonly ColumnSchema[],
  bind: Binder,
): string {
  if (filterModel === null || filterModel === undefined) return 'TRUE';
  const budget: Budget = { left: MAX_CONDITIONS };
  if (isAdvancedFilterModel(filterModel)) {
    return advancedModel(filterModel, schema, bind, { budget, depth: 0 });
  }
  if (!isRecord(filterModel)) throw filterError(undefined, 'the filter model must be an object');
  const parts = Object.entries(filterModel).map(([colId, model]) =>
    columnModel(schemaColumn(schema, colId), model, bind, budget),
  );
  return joined(parts, 'AND');
}
