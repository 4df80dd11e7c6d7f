import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import { freshRowId, readOptionalStrings, requireAll, RID } from '../shared.js';
import {
  aggregateSql,
  aggregationNames,
  readAggregations,
  type Aggregation,
} from '../timeseries/resample.js';

interface GroupByParams {
  by: string[];
  aggregations: Aggregation[];
}

/** Group by key columns with aggregates; rows ordered (and renumbered) by the keys. */
export const groupByStep = defineStep<GroupByParams>({
  op: 'reshape.group_by',
  family: 'reshape',
  title: 'Group by columns with aggregates',
  parse: (raw) => ({ by: readOptionalStrings(raw, 'by'), aggregations: readAggregations(raw) }),
  compile(p, input) {
    requireAll(input.schema, p.by, 'by');
    const names = aggregationNames(p.aggregations, p.by);
    const items = [
      ...p.by.map(ident),
      ...p.aggregations.map((a, i) => `${aggregateSql(a, input, RID)} AS ${ident(names[i])}`),
    ];
    const group = p.by.length > 0 ? ` GROUP BY ${p.by.map(ident).join(', ')}` : '';
    const grouped = `SELECT ${items.join(', ')} FROM ${ident(input.name)}${group}`;
    const order = p.by.length > 0 ? p.by.map(ident).join(', ') : '1';
    return `SELECT *, ${freshRowId(order)} FROM (${grouped})`;
  },
});
