/** Typed float storage accepted for matrix data and targets. */
export type FloatArray = Float64Array | Float32Array;

/** Whether a column holds numbers or integer codes of a categorical dictionary. */
export type ColumnType = 'numeric' | 'categorical';

/** Name, type and (for categorical columns) the dictionary behind the integer codes. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
  readonly categories?: readonly string[];
}

/**
 * Column-major numeric matrix. Missing values are NaN; categorical columns hold integer codes
 * into `columns[j].categories`. Column-major because every learner here scans one feature at a time.
 */
export class DenseMatrix {
  readonly columns: readonly ColumnInfo[];

  constructor(
    readonly nRows: number,
    readonly nCols: number,
    readonly data: FloatArray,
    columns?: readonly ColumnInfo[],
  ) {
    if (data.length !== nRows * nCols) {
      throw new RangeError(`matrix data has ${data.length} values, expected ${nRows * nCols}`);
    }
    if (columns && columns.length !== nCols) {
      throw new RangeError(`got ${columns.length} column infos for ${nCols} columns`);
    }
    this.columns = columns ?? defaultColumns(nCols);
  }

  static zeros(nRows: number, nCols: number, columns?: readonly ColumnInfo[]): DenseMatrix {
    return new DenseMatrix(nRows, nCols, new Float64Array(nRows * nCols), columns);
  }

  static fromRows(
    rows: readonly (readonly number[])[],
    columns?: readonly ColumnInfo[],
  ): DenseMatrix {
    const nRows = rows.length;
    const nCols = nRows > 0 ? rows[0].length : (columns?.length ?? 0);
    const data = new Float64Array(nRows * nCols);
    for (let i = 0; i < nRows; i++) {
      const row = rows[i];
      if (row.length !== nCols)
        throw new RangeError(`row ${i} has ${row.length} values, expected ${nCols}`);
      for (let j = 0; j < nCols; j++) data[j * nRows + i] = row[j] ?? NaN;
    }
    return new DenseMatrix(nRows, nCols, data, columns);
  }

  static fromColumns(
    cols: readonly ArrayLike<number>[],
    columns?: readonly ColumnInfo[],
  ): DenseMatrix {
    const nCols = cols.length;
    const nRows = nCols > 0 ? cols[0].length : 0;
    const data = new Float64Array(nRows * nCols);
    cols.forEach((c, j) => {
      if (c.length !== nRows)
        throw new RangeError(`column ${j} has ${c.length} values, expected ${nRows}`);
      data.set(c, j * nRows);
    });
    return new DenseMatrix(nRows, nCols, data, columns);
  }

  get(i: number, j: number): number {
    return this.data[j * this.nRows + i];
  }

  set(i: number, j: number, v: number): void {
    this.data[j * this.nRows + i] = v;
  }

  /** A view (no copy) of column j. */
  column(j: number): FloatArray {
    return this.data.subarray(j * this.nRows, (j + 1) * this.nRows);
  }

  row(i: number): number[] {
    const out = new Array<number>(this.nCols);
    for (let j = 0; j < this.nCols; j++) out[j] = this.data[j * this.nRows + i];
    return out;
  }

  toRows(): number[][] {
    const rows: number[][] = [];
    for (let i = 0; i < this.nRows; i++) rows.push(this.row(i));
    return rows;
  }

  columnIndex(name: string): number {
    const j = this.columns.findIndex((c) => c.name === name);
    if (j < 0) throw new RangeError(`unknown column '${name}'`);
    return j;
  }

  selectRows(indices: ArrayLike<number>): DenseMatrix {
    const n = indices.length;
    const out = new Float64Array(n * this.nCols);
    for (let j = 0; j < this.nCols; j++) {
      const src = j * this.nRows;
      const dst = j * n;
      for (let i = 0; i < n; i++) out[dst + i] = this.data[src + indices[i]];
    }
    return new DenseMatrix(n, this.nCols, out, this.columns);
  }

  selectColumns(indices: readonly number[]): DenseMatrix {
    const cols = indices.map((j) => this.column(j));
    return DenseMatrix.fromColumns(
      cols,
      indices.map((j) => this.columns[j]),
    );
  }

  /** Joins the columns of several matrices with the same number of rows. */
  static hstack(parts: readonly DenseMatrix[]): DenseMatrix {
    const cols: FloatArray[] = [];
    const infos: ColumnInfo[] = [];
    for (const p of parts) {
      for (let j = 0; j < p.nCols; j++) {
        cols.push(p.column(j));
        infos.push(p.columns[j]);
      }
    }
    return DenseMatrix.fromColumns(cols, infos);
  }
}

function defaultColumns(n: number): ColumnInfo[] {
  return Array.from({ length: n }, (_, j) => ({ name: `x${j}`, type: 'numeric' as const }));
}

/** What learners accept as X. */
export type MatrixLike = DenseMatrix | readonly (readonly number[])[];

/** What learners accept as y. */
export type VectorLike = FloatArray | readonly number[];

export function toMatrix(X: MatrixLike): DenseMatrix {
  return X instanceof DenseMatrix ? X : DenseMatrix.fromRows(X);
}

export function toVector(y: VectorLike | ArrayLike<number>): Float64Array {
  return y instanceof Float64Array ? y : Float64Array.from(y);
}

/** Rows of a matrix-like input, for callers that want plain arrays (e.g. probability tables). */
export function rowsOf(X: MatrixLike): readonly (readonly number[])[] {
  return X instanceof DenseMatrix ? X.toRows() : X;
}
