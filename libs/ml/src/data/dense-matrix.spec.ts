import { fromArrowTable, fromColumnar, fromColumnRecord } from './columnar.js';
import { DenseMatrix, toMatrix, toVector } from './dense-matrix.js';

describe('DenseMatrix', () => {
  it('stores rows column-major and reads them back', () => {
    const m = DenseMatrix.fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(Array.from(m.data)).toEqual([1, 3, 5, 2, 4, 6]);
    expect(m.get(2, 1)).toBe(6);
    expect(Array.from(m.column(1))).toEqual([2, 4, 6]);
    expect(m.toRows()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('selects rows and columns and joins matrices side by side', () => {
    const m = DenseMatrix.fromColumns([Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)]);
    expect(m.selectRows([2, 0]).toRows()).toEqual([
      [3, 6],
      [1, 4],
    ]);
    expect(m.selectColumns([1]).columns[0].name).toBe('x1');
    const joined = DenseMatrix.hstack([m, m.selectColumns([0])]);
    expect(joined.row(1)).toEqual([2, 5, 2]);
    expect(joined.columnIndex('x1')).toBe(1);
  });

  it('rejects inconsistent shapes and unknown column names', () => {
    expect(() => new DenseMatrix(2, 2, new Float64Array(3))).toThrow(RangeError);
    expect(() => DenseMatrix.fromRows([[1, 2], [3]])).toThrow(RangeError);
    expect(() => DenseMatrix.fromColumns([Float64Array.of(1), Float64Array.of(1, 2)])).toThrow(
      RangeError,
    );
    expect(() => DenseMatrix.zeros(1, 1).columnIndex('nope')).toThrow(/unknown column/);
  });

  it('accepts plain arrays wherever a matrix or vector is expected', () => {
    expect(toMatrix([[1, 2]]).nCols).toBe(2);
    const v = Float64Array.of(1);
    expect(toVector(v)).toBe(v);
    expect(Array.from(toVector([1, 2]))).toEqual([1, 2]);
  });
});

describe('columnar conversion', () => {
  it('turns numbers, bigints, booleans and nulls into floats with NaN for missing', () => {
    const m = fromColumnar([
      { name: 'a', values: [1, null, 3] },
      { name: 'b', values: [10n, 20n, undefined] },
      { name: 'c', values: [true, false, true] },
    ]);
    expect(m.toRows()).toEqual([
      [1, 10, 1],
      [NaN, 20, 0],
      [3, NaN, 1],
    ]);
    expect(m.columns.map((c) => c.type)).toEqual(['numeric', 'numeric', 'numeric']);
  });

  it('encodes string columns as sorted dictionary codes', () => {
    const m = fromColumnRecord({ city: ['rome', null, 'oslo', 'rome'] });
    expect(m.columns[0]).toEqual({
      name: 'city',
      type: 'categorical',
      categories: ['oslo', 'rome'],
    });
    expect(Array.from(m.column(0))).toEqual([1, NaN, 0, 1]);
  });

  it('keeps dictionaries of already dictionary-encoded columns', () => {
    const m = fromColumnar([{ name: 'k', values: Int32Array.of(1, 0), dictionary: ['lo', 'hi'] }]);
    expect(m.columns[0].categories).toEqual(['lo', 'hi']);
    expect(Array.from(m.column(0))).toEqual([1, 0]);
  });

  it('reads Arrow-like tables by column name', () => {
    const cols: Record<string, unknown[]> = { x: [1, 2], when: [new Date(0), new Date(1000)] };
    const table = {
      schema: { fields: [{ name: 'x' }, { name: 'when' }] },
      getChild: (name: string) => (name in cols ? { toArray: () => cols[name] } : null),
    };
    expect(fromArrowTable(table).toRows()).toEqual([
      [1, 0],
      [2, 1000],
    ]);
    expect(() => fromArrowTable(table, ['missing'])).toThrow(/no column 'missing'/);
  });

  it('refuses values it cannot convert', () => {
    expect(() => fromColumnar([{ name: 'o', values: [1, { a: 1 }] }])).toThrow(TypeError);
  });
});
