// The benchmarks' generated table (bench/ingest's 1M x 12 by default): ints, floats with nulls,
// text, dates and timestamps, written as a CSV with a header by a DuckDB connection.
export function writeGeneratedCsv(connection, rows, path) {
  return connection.run(`COPY (SELECT range AS id, (range * 7) % 1000 AS i2, range % 13 AS i3,
      round(random() * 100, 3) AS f1, CASE WHEN range % 50 = 0 THEN NULL ELSE random() * 1e6 END AS f2,
      round(random(), 6) AS f3, 'station_' || (range % 500) AS s1, md5(range::VARCHAR) AS s2,
      CASE WHEN range % 20 = 0 THEN NULL ELSE 'river ' || (range % 37) END AS s3,
      DATE '2000-01-01' + (range % 9000)::INT AS d1,
      TIMESTAMP '2020-01-01' + INTERVAL (range) SECOND AS t1,
      CASE WHEN range % 33 = 0 THEN NULL ELSE DATE '1990-06-01' + (range % 300)::INT END AS d2
    FROM range(${rows})) TO '${path}' (FORMAT csv, HEADER true)`);
}

/** vega-datasets' 3M-row flights (Parquet). */
export const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet';

/** The flights as a CSV: pandas cannot read Parquet here (no pyarrow in Debian's python3-pandas). */
export function writeFlightsCsv(connection, path) {
  return connection.run(
    `COPY (SELECT * FROM read_parquet('${FLIGHTS}')) TO '${path}' (FORMAT csv, HEADER true)`,
  );
}
