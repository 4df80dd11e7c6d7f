import { DomainError, type ColumnSchema } from '@hydroml/contracts';
import { sqlIdent } from '../../engine/duck-engine.js';
import type { Kwargs } from './expectation-kwargs.js';

/** A value bound as a query parameter, cast to the column's own type when one is given. */
export type Bind = (value: string | number | boolean, column?: ColumnSchema) => string;

export interface PlanContext {
  schema: readonly ColumnSchema[];
  bind: Bind;
  /** Registers a window expression computed once per row; answers its column name. */
  window: (expression: string) => string;
  /** Collects the columns the plans read (when present). */
  used?: Set<string>;
}

/** Row-level ("map") expectations: counted over a domain of rows, with `mostly`. */
export interface MapPlan {
  kind: 'map';
  /** Rows the expectation looks at (GE skips missing values except for null checks). */
  domain: string;
  /** Rows of the domain that break it. */
  unexpected: string;
  mostly: number;
  /** The column whose values are listed as unexpected. */
  valueColumn: string | null;
  /** Rows outside the domain because a value is missing. */
  missing: string;
}

/** Whole-column or whole-table aggregates: an observed value and a success test, both SQL. */
export interface AggregatePlan {
  kind: 'aggregate';
  observed: string;
  success: string;
}

/** Schema-only checks, evaluated without reading data. */
export interface SchemaPlan {
  kind: 'schema';
  observed: unknown;
  success: boolean;
}

export type ExpectationPlan = MapPlan | AggregatePlan | SchemaPlan;

export interface ExpectationDefinition {
  type: string;
  plan: (kwargs: Kwargs, ctx: PlanContext) => ExpectationPlan;
}

export class MissingColumnError extends Error {}

/** Engine type names come from the version's schema; anything unusual compares as text. */
export function safeType(sourceType: string): string {
  return /^[A-Z][A-Z0-9_ ]*(\(\d+(, ?\d+)?\))?$/.test(sourceType) ? sourceType : 'VARCHAR';
}

export function requireColumn(ctx: PlanContext, name: string): ColumnSchema {
  const column = ctx.schema.find((c) => c.name === name);
  if (!column) throw new MissingColumnError(`no column ${name}`);
  ctx.used?.add(name);
  return column;
}

export const col = (c: ColumnSchema) => sqlIdent(c.name);

/** `x` between optional bounds; strict bounds exclude them (GE's strict_min / strict_max). */
export function betweenTest(
  x: string,
  bounds: { min?: string; max?: string; strictMin: boolean; strictMax: boolean },
): string {
  const parts: string[] = [];
  if (bounds.min !== undefined) parts.push(`${x} ${bounds.strictMin ? '>' : '>='} ${bounds.min}`);
  if (bounds.max !== undefined) parts.push(`${x} ${bounds.strictMax ? '<' : '<='} ${bounds.max}`);
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

/** A column's values as DOUBLE: numbers as they are, text parsed (NULL when not a number). */
export function asNumber(c: ColumnSchema, x = col(c)): string {
  if (c.type === 'integer' || c.type === 'float') return `${x}::DOUBLE`;
  if (c.type === 'string') return `TRY_CAST(trim(${x}) AS DOUBLE)`;
  throw new DomainError('invalid_argument', `column ${c.name} is ${c.type}, not numeric`);
}
