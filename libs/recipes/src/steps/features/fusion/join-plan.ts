import type { ColumnSchema } from '@hydroml/contracts';
import { ident, requireColumn } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { commonType } from './refs.js';

export const JOIN_KINDS = ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const;
export type JoinKind = (typeof JOIN_KINDS)[number];

export interface KeyPair {
  left: string;
  right: string;
}

/** `l.a = r.b AND …`, both sides cast to a common type when their types differ. */
export function keyCondition(
  on: readonly KeyPair[],
  left: readonly ColumnSchema[],
  right: readonly ColumnSchema[],
  l: string,
  r: string,
): string {
  return on
    .map((k) => {
      const a = requireColumn(left, k.left, 'on');
      const b = requireColumn(right, k.right, 'on');
      if (a.sourceType === b.sourceType) return `${l}.${ident(k.left)} = ${r}.${ident(k.right)}`;
      const type = commonType([a, b]);
      return `CAST(${l}.${ident(k.left)} AS ${type}) = CAST(${r}.${ident(k.right)} AS ${type})`;
    })
    .join(' AND ');
}

/** A key present on both sides under one name: the left value, else the right one. */
function mergedKey(l: ColumnSchema, r: ColumnSchema): string {
  const type = commonType([l, r]);
  return `coalesce(CAST(__l.${ident(l.name)} AS ${type}), CAST(__r.${ident(r.name)} AS ${type}))`;
}

/** Output columns of a join: SQL items and names (keys of the same name merged, clashes suffixed). */
export function joinColumns(
  how: JoinKind,
  on: readonly KeyPair[],
  left: readonly ColumnSchema[],
  right: readonly ColumnSchema[],
  suffixes: readonly [string, string],
): string[] {
  if (how === 'semi' || how === 'anti') return left.map((c) => `__l.${ident(c.name)}`);
  const merged = new Set(on.filter((k) => k.left === k.right).map((k) => k.right));
  const rightKept = right.filter((c) => !merged.has(c.name));
  const rightNames = new Set(rightKept.map((c) => c.name));
  const leftNames = new Set(left.map((c) => c.name));
  const items: string[] = [];
  const names = new Set<string>();
  const add = (sql: string, name: string) => {
    if (names.has(name) || name === '__hydroml_rid') {
      throw new StepError(
        `the joined tables both have a column "${name}": choose other suffixes`,
        'suffixes',
      );
    }
    names.add(name);
    items.push(`${sql} AS ${ident(name)}`);
  };
  for (const c of left) {
    const name = rightNames.has(c.name) ? `${c.name}${suffixes[0]}` : c.name;
    const sql =
      merged.has(c.name) && (how === 'right' || how === 'full')
        ? mergedKey(c, right.find((r) => r.name === c.name) ?? c)
        : `__l.${ident(c.name)}`;
    add(sql, name);
  }
  for (const c of rightKept)
    add(`__r.${ident(c.name)}`, leftNames.has(c.name) ? `${c.name}${suffixes[1]}` : c.name);
  return items;
}

export interface JoinReport {
  leftRows: number;
  rightRows: number;
  matchedLeft: number;
  unmatchedLeft: number;
  matchedRight: number;
  unmatchedRight: number;
  /** Rows the join yields, computed from key frequencies before running it. */
  estimatedRows: number;
}

export function estimateRows(
  how: JoinKind,
  pairs: number,
  r: Omit<JoinReport, 'estimatedRows'>,
): number {
  switch (how) {
    case 'inner':
      return pairs;
    case 'left':
      return pairs + r.unmatchedLeft;
    case 'right':
      return pairs + r.unmatchedRight;
    case 'full':
      return pairs + r.unmatchedLeft + r.unmatchedRight;
    case 'semi':
      return r.matchedLeft;
    case 'anti':
      return r.unmatchedLeft;
  }
}
