import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { CreateConnectionDto } from '@hydroml/contracts';
import { createTestDatabase, type TestDatabase } from '@hydroml/testing';

/** The test machine's MariaDB root account. */
export const MARIADB_ROOT = {
  host: '127.0.0.1',
  port: 3306,
  user: 'root',
  password: process.env.TEST_MARIADB_ROOT_PASSWORD ?? '',
};

export interface MariaSource {
  database: string;
  user: string;
  password: string;
  drop(): Promise<void>;
}

/** A PostgreSQL database with a small gauge table, as a user's source database. */
export async function postgresSource(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE SCHEMA hydro;
    CREATE TABLE hydro.gauges (id serial PRIMARY KEY, station text NOT NULL, day date, flow double precision,
      measured_at timestamptz, raw bytea);
    INSERT INTO hydro.gauges (station, day, flow, measured_at, raw)
      SELECT 'S' || (g % 3), date '2024-01-01' + g, g * 1.5, timestamptz '2024-01-01 06:00+00' + g * interval '1 day', '\\x0102'
      FROM generate_series(1, 150) g;
    CREATE VIEW hydro.high_flows AS SELECT * FROM hydro.gauges WHERE flow > 100;
    ANALYZE hydro.gauges;`);
  await client.end();
  return db;
}

/** A MariaDB database with a table, and a user that may only read it (with a password). */
export async function mariaSource(): Promise<MariaSource> {
  const suffix = randomBytes(3).toString('hex');
  const database = `hydroml_src_${suffix}`;
  const user = `hml_${suffix}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const root = await mysql.createConnection({ ...MARIADB_ROOT, multipleStatements: true });
  await root.query(`CREATE DATABASE ${database};
    CREATE TABLE ${database}.stations (code VARCHAR(16) PRIMARY KEY, name TEXT, elevation DECIMAL(8,2), opened DATE);
    INSERT INTO ${database}.stations VALUES ('A1', 'Upper', 812.50, '1990-05-01'), ('B2', 'Lower', 120.00, NULL);
    CREATE USER '${user}'@'%' IDENTIFIED BY '${password}';
    GRANT SELECT ON ${database}.* TO '${user}'@'%';`);
  await root.end();
  return {
    database,
    user,
    password,
    drop: async () => {
      const c = await mysql.createConnection(MARIADB_ROOT);
      await c.query(`DROP DATABASE IF EXISTS ${database}`);
      await c.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await c.end();
    },
  };
}

/**
 * A table with a column of every common PostgreSQL type, and types with no dataset equivalent
 * (composite, tsvector, point, money, range, xml): one row of values, one of NULLs.
 */
export async function addPostgresTypes(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TYPE hydro.reading AS (station text, flow double precision);
    CREATE TABLE hydro.types (id integer PRIMARY KEY, small smallint, big bigint, flag boolean,
      ratio real, amount numeric(38,10), day date, at timestamp, at_tz timestamptz, clock time,
      span interval, uid uuid, doc json, docb jsonb, ints integer[], tags text[], raw bytea,
      reading hydro.reading, words tsvector, spot point, price money, window_ int4range, page xml);
    INSERT INTO hydro.types VALUES (1, -32768, 9007199254740993, true, 0.5,
      '1234567890123456789012345678.0123456789', '2024-02-29', '2024-02-29 13:45:01.25',
      '2024-02-29 13:45:01.25+02', '23:59:59.5', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      '{"a": [1, "x"]}', '{"b": {"c": null}}', '{1,2,3}', '{"x y","z"}', '\\x00ff',
      ROW('S1', 2.5), to_tsvector('simple', 'high water'), point(1.5, -2), 12.34, int4range(1, 5),
      '<p>hi</p>'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);`);
  await client.end();
}

/** The MariaDB counterpart: JSON, DECIMAL(38,10), TIME, YEAR, ENUM, SET, BLOB, BIT and more. */
export async function addMariaTypes(database: string): Promise<void> {
  const root = await mysql.createConnection({
    ...MARIADB_ROOT,
    database,
    multipleStatements: true,
  });
  await root.query(`SET time_zone = '+00:00';
    CREATE TABLE types (id INT PRIMARY KEY, tiny TINYINT, small SMALLINT, big BIGINT, flag BOOLEAN,
      ratio DOUBLE, amount DECIMAL(38,10), day DATE, at DATETIME(3), stamp TIMESTAMP NULL,
      clock TIME, yr YEAR, doc JSON, kind ENUM('river', 'lake'), tags SET('a', 'b', 'c'),
      raw BLOB, bits BIT(8), note VARCHAR(40));
    INSERT INTO types VALUES (1, -128, -32768, 9007199254740993, 1, 0.5,
      '1234567890123456789012345678.0123456789', '2024-02-29', '2024-02-29 13:45:01.250',
      '2024-02-29 12:00:00', '23:59:59', 2024, '{"a": [1, "x"]}', 'lake', 'a,c', x'00ff', b'101',
      'say "hi", then'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, NULL, NULL);`);
  await root.end();
}

/** A connection to a {@link postgresSource} as the postgres user. */
export function pgConnectionTo(source: Pick<TestDatabase, 'name'>): CreateConnectionDto {
  return {
    name: 'pg',
    type: 'postgresql',
    host: '127.0.0.1',
    database: source.name,
    user: 'postgres',
  };
}

/** A connection to a {@link mariaSource} as its reading user (another password to fail). */
export function mariaConnectionTo(
  source: MariaSource,
  password = source.password,
): CreateConnectionDto {
  return {
    ...{ name: 'maria', type: 'mysql', host: '127.0.0.1', database: source.database },
    ...{ user: source.user, password },
  };
}
