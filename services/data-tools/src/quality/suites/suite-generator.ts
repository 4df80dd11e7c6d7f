import type { ColumnProfile, ExpectationConfig, ProfileView } from '@hydroml/contracts';

/** Categorical columns with at most this many values get an `in_set` expectation. */
const MAX_SET = 20;

const round = (v: number) => Number(v.toPrecision(12));

/**
 * A starting suite from a profile, the way Great Expectations' profilers seed one: the table's
 * shape, each column's type and completeness, ranges of numbers and dates, sets of categories,
 * uniqueness of identifiers and fixed text shapes. Meant to be edited.
 */
export function suiteFromProfile(profile: ProfileView): ExpectationConfig[] {
  const rows = profile.table.rows;
  const table: ExpectationConfig[] = [
    {
      type: 'expect_table_columns_to_match_ordered_list',
      kwargs: { column_list: profile.columns.map((c) => c.name) },
    },
    {
      type: 'expect_table_row_count_to_be_between',
      kwargs: { min_value: Math.floor(rows * 0.5), max_value: Math.ceil(rows * 2) },
    },
  ];
  return [...table, ...profile.columns.flatMap(columnExpectations)].map((e) => ({
    ...e,
    meta: { generatedFrom: { version: profile.version } },
  }));
}

function columnExpectations(c: ColumnProfile): ExpectationConfig[] {
  const column = c.name;
  const out: ExpectationConfig[] = [
    { type: 'expect_column_values_to_be_of_type', kwargs: { column, type_: c.type } },
  ];
  if (c.missing === 0) {
    out.push({ type: 'expect_column_values_to_not_be_null', kwargs: { column } });
  } else if (c.missingShare < 1) {
    const mostly = Math.floor((1 - c.missingShare) * 100) / 100;
    if (mostly > 0)
      out.push({ type: 'expect_column_values_to_not_be_null', kwargs: { column, mostly } });
  }
  out.push(...rangeExpectations(c), ...valueExpectations(c));
  return out;
}

function rangeExpectations(c: ColumnProfile): ExpectationConfig[] {
  const column = c.name;
  const n = c.numeric;
  const out: ExpectationConfig[] = [];
  if (n && n.min !== null && n.max !== null) {
    out.push({
      type: 'expect_column_values_to_be_between',
      kwargs: { column, min_value: n.min, max_value: n.max },
    });
    if (n.mean !== null && n.std !== null) {
      const spread = Math.max(n.std, Math.abs(n.mean) * 0.01);
      out.push({
        type: 'expect_column_mean_to_be_between',
        kwargs: { column, min_value: round(n.mean - spread), max_value: round(n.mean + spread) },
      });
    }
  }
  const d = c.datetime;
  if (d && d.min !== null && d.max !== null) {
    out.push({
      type: 'expect_column_values_to_be_between',
      kwargs: { column, min_value: d.min, max_value: d.max },
    });
  }
  if (c.monotonic === 'increasing' || c.monotonic === 'strictly_increasing') {
    const strictly = c.monotonic === 'strictly_increasing';
    out.push({ type: 'expect_column_values_to_be_increasing', kwargs: { column, strictly } });
  }
  return out;
}

function valueExpectations(c: ColumnProfile): ExpectationConfig[] {
  const column = c.name;
  const out: ExpectationConfig[] = [];
  if (c.semanticType === 'id_like') {
    out.push({ type: 'expect_column_values_to_be_unique', kwargs: { column } });
  }
  const values = (c.top ?? []).filter((v) => v.value !== null).map((v) => v.value);
  const complete = c.top !== null && values.length === c.distinct;
  if (
    c.semanticType === 'categorical' &&
    c.type === 'string' &&
    complete &&
    c.distinct <= MAX_SET
  ) {
    out.push({ type: 'expect_column_values_to_be_in_set', kwargs: { column, value_set: values } });
  }
  const shape = c.text?.patterns;
  if (shape && shape.length === 1 && c.type === 'string') {
    out.push({
      type: 'expect_column_values_to_match_regex',
      kwargs: { column, regex: regexOfShape(shape[0].pattern) },
    });
  }
  return out;
}

/** `9999-99-99` -> `^\d{4}-\d{2}-\d{2}$` (letters become [a-z]/[A-Z] runs). */
export function regexOfShape(shape: string): string {
  const runs = shape.match(/(9+|a+|A+|[^9aA]+)/g) ?? [];
  const body = runs
    .map((run) => {
      const n = run.length;
      const q = n === 1 ? '' : `{${n}}`;
      if (run[0] === '9') return `\\d${q}`;
      if (run[0] === 'a') return `[a-z]${q}`;
      if (run[0] === 'A') return `[A-Z]${q}`;
      return run.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return `^${body}$`;
}
