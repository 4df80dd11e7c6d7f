import type { ColumnSchema, VersionParent } from '@hydroml/contracts';
import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { read } from '../../../core/params.js';
import { outputName, RID } from '../shared.js';
import { commonType, readVersionRef } from './refs.js';

interface UnionParams {
  others: VersionParent[];
  /** Optional column telling each row's source (0 = this data, 1… = others in order). */
  sourceAs?: string;
}

/** Every column name in order of first appearance, with the type the sources meet in. */
function unionSchema(
  schemas: ReadonlyArray<readonly ColumnSchema[]>,
): Array<{ name: string; type: string }> {
  const byName = new Map<string, ColumnSchema[]>();
  for (const schema of schemas) {
    for (const c of schema) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  }
  return [...byName].map(([name, columns]) => ({ name, type: commonType(columns) }));
}

/**
 * Append other versions by column name: columns missing from a source are NULL, types reconciled
 * (mixed numbers to DOUBLE, dates/timestamps to TIMESTAMP, else text). Rows keep source order.
 */
export const unionStep = defineStep<UnionParams>({
  op: 'fusion.union',
  family: 'fusion',
  title: 'Append rows of other versions by column name',
  parse(raw) {
    const value = raw.others;
    if (!Array.isArray(value) || value.length === 0) {
      throw new StepError('"others" must list versions {dataSourceId, version}', 'others');
    }
    return {
      others: value.map((v, i) => readVersionRef(v, `others[${i}]`)),
      sourceAs: read.optionalString(raw, 'sourceAs'),
    };
  },
  compile(p, input, ctx) {
    const sources = [
      { sql: ident(input.name), schema: input.schema },
      ...p.others.map((ref) => ({ sql: ctx.versionSource(ref), schema: ctx.versionSchema(ref) })),
    ];
    const columns = unionSchema(sources.map((s) => s.schema));
    const sourceAs = p.sourceAs
      ? outputName(
          columns.map((c) => ({ name: c.name, type: 'other' as const, sourceType: c.type })),
          p.sourceAs,
          'sourceAs',
        )
      : undefined;
    const parts = sources.map((s, i) => {
      const names = new Set(s.schema.map((c) => c.name));
      const items = columns.map((c) =>
        names.has(c.name)
          ? `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`
          : `CAST(NULL AS ${c.type}) AS ${ident(c.name)}`,
      );
      return `SELECT ${items.join(', ')}, ${i} AS "__hydroml_source", ${RID} AS "__hydroml_src_rid" FROM ${s.sql}`;
    });
    const source = sourceAs ? `, "__hydroml_source" AS ${ident(sourceAs)}` : '';
    const keep = columns.map((c) => ident(c.name)).join(', ');
    const rid = `(row_number() OVER (ORDER BY "__hydroml_source", "__hydroml_src_rid") - 1) AS ${RID}`;
    return `SELECT ${keep}${source}, ${rid} FROM (${parts.join(' UNION ALL ')})`;
  },
  refs: (p) => p.others,
});
