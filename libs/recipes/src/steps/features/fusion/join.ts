import type { ColumnSchema, VersionParent } from '@hydroml/contracts';
import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { FitContext, Relation } from '../../../core/types.js';
import { num, RID } from '../shared.js';
import {
  estimateRows,
  joinColumns,
  keyCondition,
  JOIN_KINDS,
  type JoinKind,
  type JoinReport,
  type KeyPair,
} from './join-plan.js';
import { readVersionRef } from './refs.js';

interface JoinParams {
  right: VersionParent;
  how: JoinKind;
  on: KeyPair[];
  suffixes: [string, string];
  /**
   * Refuse the join when its estimated output has more rows than this; never above the server's
   * ceiling (`FitContext.limits.joinMaxRows`), which applies when it is absent.
   */
  maxRows?: number;
  /** Output only: matched and unmatched rows on each side and the estimated output size. */
  report?: JoinReport;
}

function readKeys(raw: Record<string, unknown>): KeyPair[] {
  const value = raw.on;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || value === undefined)
    throw new StepError('"on" needs at least one key', 'on');
  return list.map((k: unknown) => {
    if (typeof k === 'string' && k !== '') return { left: k, right: k };
    if (typeof k === 'object' && k !== null) {
      const pair = k as Record<string, unknown>;
      return { left: read.string(pair, 'left'), right: read.string(pair, 'right') };
    }
    throw new StepError('"on" must list column names or {left, right} pairs', 'on');
  });
}

function readSuffixes(raw: Record<string, unknown>): [string, string] {
  const value = raw.suffixes ?? ['', '_right'];
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((s) => typeof s === 'string') ||
    value[0] === value[1]
  ) {
    throw new StepError('"suffixes" must be two different texts, e.g. ["", "_right"]', 'suffixes');
  }
  return [value[0], value[1]];
}

/**
 * Key frequencies on both sides joined: the size of the join without running it, refused above the
 * limit. Runs on every compile against data (a report in the params is never trusted).
 */
async function checkSize(p: JoinParams, input: Relation, ctx: FitContext): Promise<JoinParams> {
  const rightSchema: ColumnSchema[] = ctx.versionSchema(p.right);
  const rightSql = ctx.versionSource(p.right);
  const condition = keyCondition(p.on, input.schema, rightSchema, '__l', '__r');
  const side = (from: string, keys: string[]) =>
    `SELECT ${keys.map(ident).join(', ')}, count(*) AS n FROM ${from} WHERE ${keys.map((k) => `${ident(k)} IS NOT NULL`).join(' AND ')} GROUP BY ALL`;
  const l = side(
    ident(input.name),
    p.on.map((k) => k.left),
  );
  const r = side(
    rightSql,
    p.on.map((k) => k.right),
  );
  const [row] = await ctx.query(
    `SELECT (SELECT count(*) FROM ${ident(input.name)}) AS left_rows, (SELECT count(*) FROM ${rightSql}) AS right_rows,
      coalesce(sum(__l.n * __r.n), 0) AS pairs, coalesce(sum(__l.n), 0) AS matched_left, coalesce(sum(__r.n), 0) AS matched_right
     FROM (${l}) AS __l JOIN (${r}) AS __r ON ${condition}`,
  );
  const counts = {
    leftRows: num(row.left_rows) ?? 0,
    rightRows: num(row.right_rows) ?? 0,
    matchedLeft: num(row.matched_left) ?? 0,
    matchedRight: num(row.matched_right) ?? 0,
  };
  const report = {
    ...counts,
    unmatchedLeft: counts.leftRows - counts.matchedLeft,
    unmatchedRight: counts.rightRows - counts.matchedRight,
  };
  const estimatedRows = estimateRows(p.how, num(row.pairs) ?? 0, report);
  const limit = Math.min(p.maxRows ?? ctx.limits.joinMaxRows, ctx.limits.joinMaxRows);
  if (estimatedRows > limit) {
    throw new StepError(
      `the join would make about ${estimatedRows} rows, more than the limit of ${limit}: check the keys`,
      'on',
    );
  }
  return { ...p, report: { ...report, estimatedRows } };
}

function compileJoin(
  p: JoinParams,
  input: Relation,
  rightSql: string,
  rightSchema: ColumnSchema[],
): string {
  const condition = keyCondition(p.on, input.schema, rightSchema, '__l', '__r');
  const items = joinColumns(p.how, p.on, input.schema, rightSchema, p.suffixes);
  const from = `${ident(input.name)} AS __l`;
  if (p.how === 'semi' || p.how === 'anti') {
    const exists = `${p.how === 'anti' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${rightSql} AS __r WHERE ${condition})`;
    return `SELECT ${[...items, `__l.${RID}`].join(', ')} FROM ${from} WHERE ${exists}`;
  }
  const kind = { inner: 'INNER', left: 'LEFT', right: 'RIGHT', full: 'FULL' }[p.how];
  const rid = `(row_number() OVER (ORDER BY __l.${RID} NULLS LAST, __r.${RID} NULLS LAST) - 1) AS ${RID}`;
  return `SELECT ${[...items, rid].join(', ')} FROM ${from} ${kind} JOIN ${rightSql} AS __r ON ${condition}`;
}

/**
 * Join with another version the user can read (inner, left, right, full, semi, anti) on one or more
 * key pairs. Every compile against data counts key frequencies on both sides: the matched/unmatched
 * report, and the estimated output size, refused above `maxRows` (at most the server's ceiling)
 * before the join ever runs.
 */
export const joinStep = defineStep<JoinParams>({
  op: 'fusion.join',
  family: 'fusion',
  title: 'Join with another dataset version',
  parse: (raw) => ({
    right: readVersionRef(raw.right, 'right'),
    how: read.oneOf(raw, 'how', JOIN_KINDS, 'inner'),
    on: readKeys(raw),
    suffixes: readSuffixes(raw),
    maxRows: raw.maxRows === undefined ? undefined : read.integer(raw, 'maxRows', 1),
    // Kept for display when a checked head is read again; recomputed by every check.
    report:
      raw.report === undefined ? undefined : (read.object(raw, 'report') as unknown as JoinReport),
  }),
  check: checkSize,
  compile: (p, input, ctx) =>
    compileJoin(p, input, ctx.versionSource(p.right), ctx.versionSchema(p.right)),
  refs: (p) => [p.right],
});
