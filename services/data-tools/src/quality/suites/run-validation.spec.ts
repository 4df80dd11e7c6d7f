import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnSchema, ExpectationConfig, ExpectationResult } from '@hydroml/contracts';
import { DuckEngine } from '../../engine/duck-engine.js';
import { runValidation } from './run-validation.js';

/** 10 hand-made rows: id 0..9, flow with 2 nulls and one negative, station codes, dates. */
const ORDERED = `(SELECT __hydroml_rid, flow::DOUBLE AS flow, station, day, a::INTEGER AS a, b::INTEGER AS b FROM (VALUES
  (0, 1.5, 'A1', DATE '2023-01-01', 10, 4),
  (1, 2.0, 'A1', DATE '2023-01-02', 10, 5),
  (2, NULL, 'B2', DATE '2023-01-03', 11, 12),
  (3, 3.5, 'B2', DATE '2023-01-04', 11, 2),
  (4, -1.0, 'C3', DATE '2023-01-05', 12, 1),
  (5, 4.0, 'zz', DATE '2023-01-06', 12, 3),
  (6, NULL, 'A1', DATE '2023-01-05', 13, 2),
  (7, 5.0, 'A1', DATE '2023-01-08', 13, 1),
  (8, 6.0, NULL, DATE '2023-01-09', 14, 0),
  (9, 7.0, 'B2', DATE '2023-01-10', 14, 1)
) t(__hydroml_rid, flow, station, day, a, b))`;

const SCHEMA: ColumnSchema[] = [
  { name: 'flow', type: 'float', sourceType: 'DOUBLE' },
  { name: 'station', type: 'string', sourceType: 'VARCHAR' },
  { name: 'day', type: 'date', sourceType: 'DATE' },
  { name: 'a', type: 'integer', sourceType: 'INTEGER' },
  { name: 'b', type: 'integer', sourceType: 'INTEGER' },
];

describe('runValidation on hand-made data with nulls and mostly', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'validate-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '256MiB',
      tempDir: join(dir, 'duck'),
    });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...expectations: ExpectationConfig[]): Promise<ExpectationResult[]> {
    return engine.use((c) =>
      runValidation(c, { ordered: ORDERED, schema: SCHEMA, expectations, sampleSize: 5 }),
    );
  }
  const one = async (type: string, kwargs: Record<string, unknown>) =>
    (await run({ type, kwargs }))[0];

  it('not null counts missing values over every row; mostly relaxes it', async () => {
    const strict = await one('expect_column_values_to_not_be_null', { column: 'flow' });
    expect(strict).toMatchObject({
      success: false,
      elementCount: 10,
      unexpectedCount: 2,
      unexpectedPercent: 20,
    });
    expect(strict.unexpectedRows.map((r) => r.__row)).toEqual([2, 6]);
    expect(
      (await one('expect_column_values_to_not_be_null', { column: 'flow', mostly: 0.8 })).success,
    ).toBe(true);
    expect(
      (await one('expect_column_values_to_not_be_null', { column: 'flow', mostly: 0.81 })).success,
    ).toBe(false);
  });

  it('between skips missing values: 1 of 8 present values is out, so mostly 0.875 passes', async () => {
    const r = await one('expect_column_values_to_be_between', {
      column: 'flow',
      min_value: 0,
      max_value: 10,
      mostly: 0.875,
    });
    expect(r).toMatchObject({
      success: true,
      missingCount: 2,
      unexpectedCount: 1,
      unexpectedPercent: 12.5,
    });
    expect(r.unexpectedPercentTotal).toBe(10);
    expect(r.partialUnexpectedList).toEqual([-1]);
    const strict = await one('expect_column_values_to_be_between', {
      column: 'flow',
      min_value: 1.5,
      strict_min: true,
    });
    expect(strict).toMatchObject({ success: false, unexpectedCount: 2 });
  });

  it('sets, regexes, lengths and uniqueness', async () => {
    const [inSet, notInSet, regex, lengths, unique] = await run(
      {
        type: 'expect_column_values_to_be_in_set',
        kwargs: { column: 'station', value_set: ['A1', 'B2', 'C3'] },
      },
      {
        type: 'expect_column_values_to_not_be_in_set',
        kwargs: { column: 'station', value_set: ['zz'] },
      },
      {
        type: 'expect_column_values_to_match_regex',
        kwargs: { column: 'station', regex: '^[A-Z][0-9]$' },
      },
      {
        type: 'expect_column_value_lengths_to_be_between',
        kwargs: { column: 'station', min_value: 2, max_value: 2 },
      },
      { type: 'expect_column_values_to_be_unique', kwargs: { column: 'station' } },
    );
    expect(inSet).toMatchObject({
      success: false,
      unexpectedCount: 1,
      missingCount: 1,
      partialUnexpectedList: ['zz'],
    });
    expect(notInSet).toMatchObject({ success: false, unexpectedCount: 1 });
    expect(regex).toMatchObject({ success: false, unexpectedCount: 1 });
    expect(lengths.success).toBe(true);
    expect(unique).toMatchObject({ success: false, unexpectedCount: 7 });
  });

  it('order in file order, and multi-column expectations', async () => {
    const [inc, strictly, aGtB, compound, sum] = await run(
      { type: 'expect_column_values_to_be_increasing', kwargs: { column: 'day' } },
      { type: 'expect_column_values_to_be_increasing', kwargs: { column: 'a', strictly: true } },
      {
        type: 'expect_column_pair_values_a_to_be_greater_than_b',
        kwargs: { column_A: 'a', column_B: 'b' },
      },
      { type: 'expect_compound_columns_to_be_unique', kwargs: { column_list: ['a', 'b'] } },
      {
        type: 'expect_multicolumn_sum_to_equal',
        kwargs: { column_list: ['a', 'b'], sum_total: 15, mostly: 0.2 },
      },
    );
    expect(inc).toMatchObject({ success: false, unexpectedCount: 1 });
    expect(inc.unexpectedRows.map((r) => r.__row)).toEqual([6]);
    expect(strictly).toMatchObject({ success: false, unexpectedCount: 5 });
    expect(aGtB).toMatchObject({
      success: false,
      unexpectedCount: 1,
      unexpectedRows: [expect.objectContaining({ a: 11, b: 12 })],
    });
    expect(compound.success).toBe(true);
    expect(sum).toMatchObject({ success: true, unexpectedCount: 6 });
  });

  it('aggregates and table expectations report observed values', async () => {
    const results = await run(
      {
        type: 'expect_column_mean_to_be_between',
        kwargs: { column: 'flow', min_value: 3, max_value: 3.4 },
      },
      {
        type: 'expect_column_median_to_be_between',
        kwargs: { column: 'flow', min_value: 3.7, max_value: 3.8 },
      },
      {
        type: 'expect_column_max_to_be_between',
        kwargs: { column: 'day', max_value: '2023-01-09' },
      },
      {
        type: 'expect_column_unique_value_count_to_be_between',
        kwargs: { column: 'station', min_value: 4, max_value: 4 },
      },
      { type: 'expect_table_row_count_to_be_between', kwargs: { min_value: 10, max_value: 10 } },
      {
        type: 'expect_table_columns_to_match_set',
        kwargs: { column_set: ['flow', 'station'], exact_match: false },
      },
      { type: 'expect_column_values_to_be_of_type', kwargs: { column: 'flow', type_: 'float64' } },
      {
        type: 'expect_column_quantile_values_to_be_between',
        kwargs: { column: 'flow', quantile_ranges: { quantiles: [0.5], value_ranges: [[3, 4]] } },
      },
    );
    expect(results.map((r) => [r.observedValue, r.success])).toEqual([
      [3.5, false],
      [3.75, true],
      ['2023-01-10', false],
      [4, true],
      [10, true],
      [['flow', 'station', 'day', 'a', 'b'], true],
      ['DOUBLE', true],
      [[3.75], true],
    ]);
  });

  it('numbers stored as text compare as numbers; text that is not a number is unexpected', async () => {
    const r = await one('expect_column_values_to_be_between', {
      column: 'station',
      min_value: 0,
      max_value: 10,
    });
    expect(r).toMatchObject({ success: false, unexpectedCount: 9, missingCount: 1 });
    const mean = await one('expect_column_mean_to_be_between', { column: 'day', min_value: 0 });
    expect(mean.exception).toContain('not numeric');
  });

  it('an unknown column or type fails that expectation only, with the reason', async () => {
    const [missing, unknown, fine] = await run(
      { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'nope' } },
      { type: 'expect_the_moon', kwargs: {} },
      {
        type: 'expect_column_values_to_be_in_set',
        kwargs: { column: 'station', value_set: ['A1', 'B2', 'C3', 'zz'] },
      },
    );
    expect(missing).toMatchObject({ success: false, exception: 'no column nope' });
    expect(unknown.exception).toContain('unknown expectation type');
    expect(fine.success).toBe(true);
  });
});
