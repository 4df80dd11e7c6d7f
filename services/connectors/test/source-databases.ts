import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@hydroml/testing';

const MARIADB_ROOT = {
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
