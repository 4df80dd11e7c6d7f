// Data for bench/training: a generated regression table and the bare libs/ml reference fit.
import { DuckDBInstance } from '@duckdb/node-api';
import {
  DenseMatrix,
  RandomForestRegressor,
  metrics,
  splitIndices,
} from '../../libs/ml/dist/index.js';

async function duck() {
  return DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
}

/** ROWS rows: 8 numeric features, one categorical, a noisy non-linear target `y`. */
export async function generateCsv(path, rows) {
  const db = await duck();
  const c = await db.connect();
  await c.run(`COPY (
    SELECT x1, x2, x3, x4, x5, x6, x7, x8, station,
      3 * sin(x1) + x2 * x3 + CASE station WHEN 'a' THEN 2 WHEN 'b' THEN -1 ELSE 0 END
        + 0.5 * x4 * x4 + 0.3 * random() AS y
    FROM (SELECT random() * 6 AS x1, random() AS x2, random() * 4 AS x3, random() * 2 AS x4,
            random() AS x5, random() AS x6, random() AS x7, random() AS x8,
            ['a', 'b', 'c', 'd'][1 + (range % 4)::INT] AS station FROM range(${rows})))
    TO '${path}' (FORMAT csv, HEADER true)`);
  c.closeSync();
  db.closeSync();
}

/**
 * The reference: the same model fitted by libs/ml in this process on the same 80 % of rows (the
 * service's random split with seed 42), features read with DuckDB, the categorical as codes.
 */
export async function bareFitSeconds(path, params, threads) {
  const db = await duck();
  const c = await db.connect();
  const reader = await c.runAndReadAll(`SELECT * FROM read_csv('${path}')`);
  const cols = reader.getColumnsObjectJS();
  c.closeSync();
  db.closeSync();
  const names = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'station'];
  const categories = [...new Set(cols.station)].sort();
  const arrays = names.map((n) =>
    n === 'station'
      ? Float64Array.from(cols.station, (s) => categories.indexOf(s))
      : Float64Array.from(cols[n], Number),
  );
  const infos = names.map((name) =>
    name === 'station' ? { name, type: 'categorical', categories } : { name, type: 'numeric' },
  );
  const X = DenseMatrix.fromColumns(arrays, infos);
  const y = Float64Array.from(cols.y, Number);
  const { trainIndex, testIndex } = splitIndices(y, { mode: 'random', testSize: 0.2, seed: 42 });
  const XTrain = X.selectRows(trainIndex);
  const yTrain = Float64Array.from(trainIndex, (i) => y[i]);
  const t0 = performance.now();
  const model = new RandomForestRegressor({ ...params, nJobs: threads }).fit(XTrain, yTrain);
  const seconds = (performance.now() - t0) / 1000;
  const r2 = metrics.r2(
    Float64Array.from(testIndex, (i) => y[i]),
    model.predict(X.selectRows(testIndex)),
  );
  return { seconds, r2, trainRows: trainIndex.length };
}
