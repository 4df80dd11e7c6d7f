import { DenseMatrix, loadModel, type ColumnInfo, type Estimator } from '@hydroml/ml';
import { DomainError } from '@hydroml/contracts';
import { ident, ROW_ID } from '@hydroml/recipes';
import { encodeKnown, toNumber } from '../training/data/columns.js';

/** A model file read back: the estimator, its input columns and (classifiers) class labels. */
export interface LoadedModel {
  model: Estimator;
  features: ColumnInfo[];
  classes: string[] | null;
  task: 'regression' | 'classification';
}

export function parseModel(json: string): LoadedModel {
  const { model, features, training } = loadModel(json);
  const info = (training ?? {}) as { classes?: string[] | null; task?: string };
  return {
    model,
    features: (features ?? []) as unknown as ColumnInfo[],
    classes: info.classes ?? null,
    task: info.task === 'classification' ? 'classification' : 'regression',
  };
}

/** Columns of values (by feature name) as the model's matrix; unseen categories are missing. */
export function matrixOf(loaded: LoadedModel, columns: Record<string, ArrayLike<unknown>>) {
  const arrays = loaded.features.map((f) => {
    const values = columns[f.name];
    if (!values) throw new DomainError('invalid_argument', `the input has no column '${f.name}'`);
    return f.type === 'categorical'
      ? encodeKnown(values, f.categories ?? [])
      : Float64Array.from(values, toNumber);
  });
  return DenseMatrix.fromColumns(arrays, loaded.features);
}

export interface Predicted {
  predictions: Array<number | string | null>;
  probabilities?: number[][];
  classes?: string[];
}

export function predictWith(loaded: LoadedModel, X: DenseMatrix): Predicted {
  const raw = loaded.model.predict(X);
  if (!loaded.classes) {
    return { predictions: Array.from(raw, (v) => (Number.isFinite(v) ? v : null)) };
  }
  const classes = loaded.classes;
  const proba = (loaded.model as { predictProba?: (x: DenseMatrix) => DenseMatrix }).predictProba;
  const P = proba ? proba.call(loaded.model, X) : null;
  return {
    predictions: Array.from(raw, (v) => classes[v] ?? null),
    probabilities: P
      ? Array.from({ length: P.nRows }, (_, i) => classes.map((_c, k) => P.get(i, k)))
      : undefined,
    classes,
  };
}

/** Rows (objects) as columns by name. */
export function columnsOfRows(rows: Array<Record<string, unknown>>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const names = new Set(rows.flatMap((r) => Object.keys(r)));
  for (const name of names) out[name] = rows.map((r) => r[name] ?? null);
  return out;
}

/** SELECT items over a recipe head: the model's feature columns in order, then the row id. */
export function featureSelect(loaded: LoadedModel): string[] {
  const items = loaded.features.map((f, j) => `${ident(f.name)} AS "f${j}"`);
  return [...items, `${ident(ROW_ID)} AS "__rid"`];
}

/** Predictions of columns read with {@link featureSelect} (the row id, last, is not read). */
export function predictColumns(loaded: LoadedModel, columns: ArrayLike<unknown>[]): Predicted {
  const byName = Object.fromEntries(loaded.features.map((f, j) => [f.name, columns[j]]));
  return predictWith(loaded, matrixOf(loaded, byName));
}
