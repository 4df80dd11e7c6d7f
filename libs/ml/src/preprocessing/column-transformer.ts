import { DenseMatrix } from '../data/dense-matrix.js';
import { expectArray, expectObject, expectString } from '../util/codec.js';
import {
  fitTransform,
  NotFittedError,
  type Json,
  type ModelState,
  type Transformer,
} from '../util/estimator.js';

/** Columns by name, or every column of a type. */
export type ColumnSelector = readonly string[] | 'numeric' | 'categorical';

export interface ColumnBranch {
  readonly columns: ColumnSelector;
  /** Transformers applied in order to the selected columns. */
  readonly steps: readonly Transformer[];
}

export interface ColumnTransformerOptions {
  /** What happens to columns no branch selects (default 'drop', as scikit-learn). */
  readonly remainder?: 'drop' | 'passthrough';
}

/** Applies branches of transformers to column subsets and joins their outputs side by side. */
export class ColumnTransformer implements Transformer {
  private selected?: number[][];
  private remainderColumns: number[] = [];

  constructor(
    readonly branches: readonly ColumnBranch[],
    private readonly opts: ColumnTransformerOptions = {},
  ) {}

  fit(X: DenseMatrix, y?: Float64Array): this {
    this.fitTransform(X, y);
    return this;
  }

  /** Fits every branch on its columns and returns the joined training output. */
  fitTransform(X: DenseMatrix, y?: Float64Array): DenseMatrix {
    this.selected = this.branches.map((b) => resolve(X, b.columns));
    const used = new Set(this.selected.flat());
    this.remainderColumns =
      this.opts.remainder === 'passthrough'
        ? X.columns.map((_, j) => j).filter((j) => !used.has(j))
        : [];
    const parts = this.branches.map((b, k) => {
      let part = X.selectColumns(this.selectedColumns()[k]);
      for (const step of b.steps) part = fitTransform(step, part, y);
      return part;
    });
    if (this.remainderColumns.length) parts.push(X.selectColumns(this.remainderColumns));
    return DenseMatrix.hstack(parts);
  }

  transform(X: DenseMatrix): DenseMatrix {
    const parts = this.branches.map((b, k) => {
      let part = X.selectColumns(this.selectedColumns()[k]);
      for (const step of b.steps) part = step.transform(part);
      return part;
    });
    if (this.remainderColumns.length) parts.push(X.selectColumns(this.remainderColumns));
    return DenseMatrix.hstack(parts);
  }

  private selectedColumns(): number[][] {
    if (!this.selected) throw new NotFittedError('ColumnTransformer');
    return this.selected;
  }

  toState(): ModelState {
    return {
      kind: 'ColumnTransformer',
      remainder: this.opts.remainder ?? 'drop',
      selected: this.selectedColumns(),
      remainderColumns: this.remainderColumns,
      branches: this.branches.map((b) => ({
        columns: typeof b.columns === 'string' ? b.columns : [...b.columns],
        steps: b.steps.map((s) => s.toState() as Json),
      })),
    };
  }

  static fromState(state: ModelState, load: (s: ModelState) => Transformer): ColumnTransformer {
    const branches = expectArray(state.branches).map((raw) => {
      const b = expectObject(raw);
      const cols = b.columns;
      const columns: ColumnSelector =
        cols === 'numeric' || cols === 'categorical' ? cols : expectArray(cols).map(expectString);
      return {
        columns,
        steps: expectArray(b.steps).map((s) => load(expectObject(s) as ModelState)),
      };
    });
    const remainder = expectString(state.remainder) === 'passthrough' ? 'passthrough' : 'drop';
    const ct = new ColumnTransformer(branches, { remainder });
    ct.selected = expectArray(state.selected).map((a) => expectArray(a).map(Number));
    ct.remainderColumns = expectArray(state.remainderColumns).map(Number);
    return ct;
  }
}

function resolve(X: DenseMatrix, sel: ColumnSelector): number[] {
  if (sel === 'numeric' || sel === 'categorical') {
    return X.columns.map((c, j) => (c.type === sel ? j : -1)).filter((j) => j >= 0);
  }
  return sel.map((name) => X.columnIndex(name));
}
