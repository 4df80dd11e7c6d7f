import { DenseMatrix, type ColumnInfo } from './dense-matrix.js';

/** One column as handed over by a columnar engine: numbers, bigints, booleans, strings, nulls. */
export interface ColumnInput {
  readonly name: string;
  readonly values: ArrayLike<unknown>;
  /** Dictionary of an already dictionary-encoded column; values are then its integer codes. */
  readonly dictionary?: readonly string[];
}

/** Structural subset of an Apache Arrow `Table` (no dependency on the arrow package). */
export interface ArrowTableLike {
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): { toArray(): ArrayLike<unknown> } | null;
}

/**
 * Builds a matrix from columns. Numeric, bigint and boolean columns become floats (null/undefined
 * become NaN); string columns become categorical codes with a sorted dictionary (null -> NaN).
 */
export function fromColumnar(columns: readonly ColumnInput[]): DenseMatrix {
  const arrays: Float64Array[] = [];
  const infos: ColumnInfo[] = [];
  for (const col of columns) {
    const { values, info } = convertColumn(col);
    arrays.push(values);
    infos.push(info);
  }
  return DenseMatrix.fromColumns(arrays, infos);
}

/** Builds a matrix from an Arrow table (e.g. DuckDB's `arrowIPC` result read with apache-arrow). */
export function fromArrowTable(table: ArrowTableLike, names?: readonly string[]): DenseMatrix {
  const wanted = names ?? table.schema.fields.map((f) => f.name);
  return fromColumnar(
    wanted.map((name) => {
      const child = table.getChild(name);
      if (!child) throw new RangeError(`arrow table has no column '${name}'`);
      return { name, values: child.toArray() };
    }),
  );
}

/** Builds a matrix from a column record such as DuckDB's `getColumnsObjectJS()`. */
export function fromColumnRecord(
  record: Readonly<Record<string, ArrayLike<unknown>>>,
): DenseMatrix {
  return fromColumnar(Object.entries(record).map(([name, values]) => ({ name, values })));
}

function convertColumn(col: ColumnInput): { values: Float64Array; info: ColumnInfo } {
  const n = col.values.length;
  if (col.dictionary) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = toNumber(col.values[i]);
    return { values, info: { name: col.name, type: 'categorical', categories: col.dictionary } };
  }
  if (isStringColumn(col.values)) return encodeStrings(col.name, col.values);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = toNumber(col.values[i]);
  return { values, info: { name: col.name, type: 'numeric' } };
}

function isStringColumn(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    return typeof v === 'string';
  }
  return false;
}

function encodeStrings(
  name: string,
  values: ArrayLike<unknown>,
): { values: Float64Array; info: ColumnInfo } {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) seen.add(keyOf(v));
  }
  const categories = [...seen].sort();
  const code = new Map(categories.map((c, k) => [c, k]));
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? NaN : (code.get(keyOf(v)) ?? NaN);
  }
  return { values: out, info: { name, type: 'categorical', categories } };
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  if (v === null || v === undefined) return NaN;
  throw new TypeError(`cannot convert ${typeof v} to a number`);
}

function keyOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${v}`;
  return JSON.stringify(v);
}
