import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident, isMissing } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { ROW_ID } from '../../core/types.js';
import { compileFilterModel } from '../../grid/filter-model.js';
import { optionalStrings, requireColumns } from './shared.js';

const RID = ident(ROW_ID);

const filter = defineStep<{ filterModel: unknown }>({
  op: 'rows.filter',
  family: 'rows',
  title: 'Keep rows matching a filter',
  parse(raw) {
    if (raw.filterModel === undefined || raw.filterModel === null) {
      throw new StepError('"filterModel" is required', 'filterModel');
    }
    return { filterModel: raw.filterModel };
  },
  compile(p, input, ctx) {
    const predicate = compileFilterModel(p.filterModel, input.schema, (v) => ctx.bind(v));
    return `SELECT * FROM ${ident(input.name)} WHERE ${predicate}`;
  },
});

interface SortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

function readSortModel(raw: Record<string, unknown>): SortItem[] {
  const model = raw.sortModel;
  if (!Array.isArray(model) || model.length === 0 || model.length > 20) {
    throw new StepError('"sortModel" must list 1 to 20 columns', 'sortModel');
  }
  return model.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    return {
      colId: read.string(entry, 'colId'),
      sort: read.oneOf(entry, 'sort', ['asc', 'desc'] as const, 'asc'),
    };
  });
}

/** Sorting renumbers the row id, so later steps and pages see the sorted order. */
const sort = defineStep<{ sortModel: SortItem[] }>({
  op: 'rows.sort',
  family: 'rows',
  title: 'Sort rows',
  parse: (raw) => ({ sortModel: readSortModel(raw) }),
  compile(p, input) {
    requireColumns(
      input.schema,
      p.sortModel.map((s) => s.colId),
      'sortModel',
    );
    const order = p.sortModel.map((s) => `${ident(s.colId)} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
    const items = input.schema.map((c) => ident(c.name));
    return `SELECT ${items.join(', ')}, row_number() OVER (ORDER BY ${[...order, RID].join(', ')}) - 1 AS ${RID} FROM ${ident(input.name)}`;
  },
});

interface DedupParams {
  columns?: string[];
  keep: 'first' | 'last';
}

const deduplicate = defineStep<DedupParams>({
  op: 'rows.deduplicate',
  family: 'rows',
  title: 'Remove duplicate rows',
  parse: (raw) => ({
    columns: optionalStrings(raw, 'columns'),
    keep: read.oneOf(raw, 'keep', ['first', 'last'] as const, 'first'),
  }),
  compile(p, input) {
    const columns = p.columns ? requireColumns(input.schema, p.columns) : input.schema;
    const partition = columns.map((c) => ident(c.name)).join(', ');
    const direction = p.keep === 'first' ? 'ASC' : 'DESC';
    return `SELECT * FROM ${ident(input.name)} QUALIFY row_number() OVER (PARTITION BY ${partition} ORDER BY ${RID} ${direction}) = 1`;
  },
});

interface DropMissingParams {
  columns?: string[];
  how: 'any' | 'all';
  threshold?: number;
}

const dropMissing = defineStep<DropMissingParams>({
  op: 'rows.drop_missing',
  family: 'rows',
  title: 'Drop rows with missing values',
  parse: (raw) => ({
    columns: optionalStrings(raw, 'columns'),
    how: read.oneOf(raw, 'how', ['any', 'all'] as const, 'any'),
    threshold: raw.threshold === undefined ? undefined : read.integer(raw, 'threshold', 1, 100_000),
  }),
  compile(p, input, ctx) {
    const columns = p.columns ? requireColumns(input.schema, p.columns) : input.schema;
    const tests = columns.map(isMissing);
    let keep: string;
    if (p.threshold !== undefined) {
      // pandas' thresh: keep rows with at least `threshold` present values.
      const present = tests.map((t) => `CASE WHEN ${t} THEN 0 ELSE 1 END`).join(' + ');
      keep = `(${present}) >= ${ctx.bind(p.threshold)}`;
    } else {
      keep = `NOT (${tests.join(p.how === 'any' ? ' OR ' : ' AND ')})`;
    }
    return `SELECT * FROM ${ident(input.name)} WHERE ${keep}`;
  },
});

export const ROW_STEPS = [filter, sort, deduplicate, dropMissing];
