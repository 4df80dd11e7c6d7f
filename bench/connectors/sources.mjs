// The benchmark's source tables: N rows x 12 columns in the local PostgreSQL and MariaDB.
import mysql from 'mysql2/promise';
import { adminQuery, ADMIN_URL } from '../lib/platform.mjs';

export const MARIADB = {
  host: '127.0.0.1',
  port: 3306,
  user: 'root',
  password: process.env.BENCH_MARIADB_ROOT_PASSWORD ?? '',
};

export async function createPostgresSource(database, rows) {
  await adminQuery(`CREATE DATABASE "${database}"`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
  await adminQuery(
    `CREATE TABLE flows AS SELECT g AS id, 'ST' || (g % 97) AS station, date '2000-01-01' + (g % 9000) AS day,
       timestamptz '2000-01-01 00:00+00' + g * interval '1 minute' AS measured_at, g * 0.37 AS flow,
       (g % 1000) / 10.0::float8 AS level, (g % 40)::real AS temp, round((g % 500) / 7.0, 2)::numeric(8,2) AS rain,
       (g % 5)::int AS quality, g % 2 = 0 AS flagged, CASE WHEN g % 10 = 0 THEN NULL ELSE 'ok ' || g END AS note,
       md5(g::text) AS code
     FROM generate_series(1, ${rows}) g`,
    url,
  );
  return url;
}

export async function createMariaSource(database, rows) {
  const c = await mysql.createConnection({ ...MARIADB, multipleStatements: true });
  await c.query(`CREATE DATABASE ${database}; USE ${database};
    CREATE TABLE flows AS SELECT seq AS id, CONCAT('ST', seq % 97) AS station, DATE('2000-01-01') + INTERVAL (seq % 9000) DAY AS day,
      TIMESTAMP('2000-01-01 00:00:00') + INTERVAL seq MINUTE AS measured_at, seq * 0.37 AS flow, (seq % 1000) / 10.0 AS level,
      CAST(seq % 40 AS FLOAT) AS temp, ROUND((seq % 500) / 7.0, 2) AS rain, seq % 5 AS quality, seq % 2 = 0 AS flagged,
      IF(seq % 10 = 0, NULL, CONCAT('ok ', seq)) AS note, MD5(seq) AS code
    FROM seq_1_to_${rows};`);
  await c.end();
}

export async function dropSources(database) {
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  const c = await mysql.createConnection(MARIADB).catch(() => null);
  await c?.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
  await c?.end();
}
