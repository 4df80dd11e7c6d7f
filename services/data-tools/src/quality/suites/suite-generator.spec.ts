import type { ProfileView, ValidationSummary } from '@hydroml/contracts';
import { regexOfShape, suiteFromProfile } from './suite-generator.js';
import { versionScores } from './validations.service.js';

describe('suiteFromProfile', () => {
  it('turns value shapes into anchored regexes', () => {
    expect(regexOfShape('9999-99-99')).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(regexOfShape('AAA')).toBe('^[A-Z]{3}$');
    expect(regexOfShape('aa.9')).toBe('^[a-z]{2}\\.\\d$');
    expect(new RegExp(regexOfShape('station_999')).test('station_042')).toBe(true);
  });

  it('seeds table, type, completeness, range and set expectations', () => {
    const profile = {
      version: 2,
      table: { rows: 100 },
      columns: [
        {
          ...{ name: 'flow', type: 'float', semanticType: 'numeric', missing: 0, missingShare: 0 },
          ...{ distinct: 80, top: null, monotonic: 'none' },
          numeric: { min: 1, max: 9, mean: 5, std: 2 },
        },
        {
          ...{ name: 'station', type: 'string', semanticType: 'categorical', missing: 10 },
          ...{ missingShare: 0.1, distinct: 2, monotonic: null },
          top: [
            { value: 'A', count: 50, share: 0.5 },
            { value: 'B', count: 40, share: 0.4 },
            { value: null, count: 10, share: 0.1 },
          ],
          text: { patterns: [{ pattern: 'A', count: 90 }] },
        },
      ],
    } as unknown as ProfileView;
    const suite = suiteFromProfile(profile).map((e) => [e.type, e.kwargs]);
    expect(suite).toEqual([
      ['expect_table_columns_to_match_ordered_list', { column_list: ['flow', 'station'] }],
      ['expect_table_row_count_to_be_between', { min_value: 50, max_value: 200 }],
      ['expect_column_values_to_be_of_type', { column: 'flow', type_: 'float' }],
      ['expect_column_values_to_not_be_null', { column: 'flow' }],
      ['expect_column_values_to_be_between', { column: 'flow', min_value: 1, max_value: 9 }],
      ['expect_column_mean_to_be_between', { column: 'flow', min_value: 3, max_value: 7 }],
      ['expect_column_values_to_be_of_type', { column: 'station', type_: 'string' }],
      ['expect_column_values_to_not_be_null', { column: 'station', mostly: 0.9 }],
      ['expect_column_values_to_be_in_set', { column: 'station', value_set: ['A', 'B'] }],
      ['expect_column_values_to_match_regex', { column: 'station', regex: '^[A-Z]$' }],
    ]);
  });
});

describe('versionScores', () => {
  const run = (over: Partial<ValidationSummary>): ValidationSummary => ({
    ...{ id: 'v', suiteId: 's1', suiteName: 'one', dataSourceId: 'd', version: 1, jobId: 'v' },
    ...{ trigger: 'manual', status: 'succeeded', success: true, score: 100, statistics: null },
    ...{ error: null, createdAt: '2026-01-01T00:00:00Z', finishedAt: null },
    ...over,
  });

  it('keeps the latest run per suite and version and averages the suites', () => {
    const scores = versionScores([
      run({ id: 'a', score: 50, createdAt: '2026-01-01T00:00:00Z' }),
      run({ id: 'b', score: 80, createdAt: '2026-01-02T00:00:00Z' }),
      run({ id: 'c', suiteId: 's2', suiteName: 'two', score: 60 }),
      run({ id: 'd', version: 2, score: 100 }),
      run({ id: 'e', version: 2, status: 'failed', score: null }),
    ]);
    expect(scores.map((s) => [s.version, s.score])).toEqual([
      [2, 100],
      [1, 70],
    ]);
    expect(scores[1].suites.map((s) => s.validationId).sort()).toEqual(['b', 'c']);
  });
});
