import type { ColumnProfile, TableProfile } from '@hydroml/contracts';
import { STEPS } from '@hydroml/recipes';
import { ALERT_THRESHOLDS as T } from './alert-thresholds.js';
import { profileAlerts } from './alerts.js';

const ROWS = 1000;

function table(over: Partial<TableProfile> = {}): TableProfile {
  return {
    ...{ rows: ROWS, columns: 1, bytes: 0, missingCells: 0, missingCellsShare: 0 },
    ...{ duplicateRows: 0, duplicateRowsShare: 0, duplicateExamples: [], duplicatesIgnoring: null },
    ...over,
  };
}

function numeric(
  over: Partial<ColumnProfile> = {},
  stats: Partial<NonNullable<ColumnProfile['numeric']>> = {},
): ColumnProfile {
  return {
    ...{ name: 'x', type: 'float', sourceType: 'DOUBLE', semanticType: 'numeric' },
    ...{ count: ROWS, missing: 0, missingShare: 0, distinct: 500, distinctApproximate: false },
    ...{ distinctShare: 0.5, nullLike: [], top: null, monotonic: 'none' },
    numeric: {
      ...{ min: 0, max: 1, mean: 0.5, std: 0.1, variance: 0.01, sum: 500, zeros: 0, negatives: 0 },
      ...{ infinite: 0, quantiles: { p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 }, iqr: 0 },
      ...{ skewness: 0, kurtosis: 0, cv: 0.2, histogram: null },
      ...stats,
    },
    ...over,
  };
}

function categorical(over: Partial<ColumnProfile> = {}): ColumnProfile {
  return {
    ...{ name: 'k', type: 'string', sourceType: 'VARCHAR', semanticType: 'categorical' },
    ...{ count: ROWS, missing: 0, missingShare: 0, distinct: 10, distinctApproximate: false },
    ...{ distinctShare: 0.01, nullLike: [], top: null, monotonic: null },
    text: { minLength: 1, maxLength: 5, meanLength: 3, numeric: 0, dates: 0, patterns: [] },
    ...over,
  };
}

const types = (columns: ColumnProfile[], t: TableProfile = table()) =>
  profileAlerts(t, columns, []).map((a) => a.type);

describe('alerts fire strictly above ydata-profiling thresholds', () => {
  it('missing: at 1 % no alert, one more missing cell and it fires', () => {
    const at = ROWS * T.missing;
    expect(types([numeric({ missing: at, missingShare: at / ROWS })])).toEqual([]);
    const above = at + 1;
    const alerts = profileAlerts(
      table(),
      [numeric({ missing: above, count: ROWS - above, missingShare: above / ROWS })],
      [],
    );
    expect(alerts.map((a) => a.type)).toEqual(['missing']);
    expect(alerts[0].suggestion?.step).toEqual({
      op: 'missing.fill',
      params: { column: 'x', method: 'median' },
    });
  });

  it('zeros and infinite values: above 1 % of rows', () => {
    expect(types([numeric({}, { zeros: 10 })])).toEqual([]);
    expect(types([numeric({}, { zeros: 11 })])).toEqual(['zeros']);
    expect(types([numeric({}, { infinite: 10 })])).toEqual([]);
    expect(types([numeric({}, { infinite: 11 })])).toEqual(['infinite']);
    const [inf] = profileAlerts(table(), [numeric({}, { infinite: 11 })], []);
    expect(inf.suggestion?.step).toEqual({
      op: 'missing.to_null',
      params: { column: inf.column, values: ['Infinity', '-Infinity'] },
    });
  });

  it('skewed: |skewness| above 20', () => {
    expect(types([numeric({}, { skewness: 20 })])).toEqual([]);
    expect(types([numeric({}, { skewness: 20.0001 })])).toEqual(['skewed']);
    expect(types([numeric({}, { skewness: -20.0001 })])).toEqual(['skewed']);
  });

  it('high cardinality: more than 50 distinct values', () => {
    expect(types([categorical({ distinct: 50 })])).toEqual([]);
    const alerts = profileAlerts(table(), [categorical({ distinct: 51 })], []);
    expect(alerts.map((a) => a.type)).toEqual(['high_cardinality']);
    expect(alerts[0].suggestion?.step).toEqual({ op: 'columns.drop', params: { columns: ['k'] } });
  });

  it('imbalance: above 0.5', () => {
    expect(types([categorical({ imbalance: 0.5 })])).toEqual([]);
    expect(types([categorical({ imbalance: 0.5001 })])).toEqual(['imbalance']);
    const [alert] = profileAlerts(table(), [categorical({ imbalance: 0.6 })], []);
    expect(alert.suggestion?.step).toEqual({
      op: 'learned.one_hot',
      params: { column: 'k', minFrequency: 0.05, maxColumns: 20 },
    });
  });

  it('constant and unique columns', () => {
    expect(types([categorical({ distinct: 1, semanticType: 'constant' })])).toEqual(['constant']);
    expect(types([categorical({ distinct: ROWS, semanticType: 'id_like' })])).toEqual(['unique']);
    expect(types([numeric({ distinct: ROWS - 1 })])).toEqual([]);
  });

  it('duplicates: any duplicate row', () => {
    expect(types([], table({ duplicateRows: 0 }))).toEqual([]);
    const alerts = profileAlerts(table({ duplicateRows: 1, duplicateRowsShare: 0.001 }), [], []);
    expect(alerts.map((a) => a.type)).toEqual(['duplicates']);
    expect(alerts[0].suggestion?.step).toEqual({
      op: 'rows.deduplicate',
      params: { keep: 'first' },
    });
  });

  it('high correlation: |r| above 0.9', () => {
    const m = (r: number) => ({
      columns: ['a', 'b'],
      values: [
        [1, r],
        [r, 1],
      ],
      rows: ROWS,
    });
    expect(profileAlerts(table(), [], [m(0.9)])).toEqual([]);
    const alerts = profileAlerts(table(), [], [m(-0.95)]);
    expect(alerts).toEqual([
      expect.objectContaining({ type: 'high_correlation', column: 'b', details: { with: 'a' } }),
    ]);
  });

  it('ours: null-like values, mixed types and irregular time steps', () => {
    const text = categorical({
      semanticType: 'numeric',
      nullLike: [{ value: 'NA', count: 2 }],
      text: { minLength: 1, maxLength: 4, meanLength: 2, numeric: 990, dates: 0, patterns: [] },
      count: ROWS,
    });
    expect(types([text])).toEqual(['null_like', 'mixed_types']);
    const clean = categorical({ semanticType: 'numeric', text: { ...text.text!, numeric: ROWS } });
    expect(types([clean])).toEqual([]);
    const date: ColumnProfile = {
      ...categorical({
        name: 'd',
        type: 'date',
        sourceType: 'DATE',
        semanticType: 'datetime',
        text: undefined,
      }),
      monotonic: 'strictly_increasing',
      datetime: {
        min: null,
        max: null,
        step: 86400,
        irregularSteps: 0,
        gaps: 0,
        largestGaps: [],
        histogram: null,
      },
    };
    expect(types([date])).toEqual([]);
    const irregular = { ...date, datetime: { ...date.datetime!, irregularSteps: 1, gaps: 1 } };
    expect(types([irregular])).toEqual(['irregular_time_steps']);
  });

  it('suggests steps the studio accepts as they are', () => {
    const columns = [
      numeric({ missing: 50, count: ROWS - 50, missingShare: 0.05 }, { zeros: 100, infinite: 20 }),
      numeric({ name: 'y' }, { skewness: 30 }),
      categorical({ imbalance: 0.9, distinct: 60 }),
    ];
    const alerts = profileAlerts(
      table({ duplicateRows: 3, duplicateRowsShare: 0.003 }),
      columns,
      [],
    );
    const steps = alerts.flatMap((a) => (a.suggestion ? [a.suggestion.step] : []));
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      expect(() => STEPS.get(step.op).parse(step.params)).not.toThrow();
    }
  });
});
