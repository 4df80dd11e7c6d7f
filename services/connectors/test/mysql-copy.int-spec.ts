import { randomBytes } from 'node:crypto';
import mysql, { type FieldPacket } from 'mysql2/promise';
import type { DriverConfig } from '../src/drivers/driver.js';
import { MysqlDriver } from '../src/drivers/mysql.driver.js';
import { MARIADB_ROOT } from './source-databases.js';

const SQL = 'SELECT * FROM samples ORDER BY id';

/** An encoder written the plain way, from values mysql2 parsed, to check the fast one against. */
function referenceCsv(rows: Array<Array<Buffer | null>>, fields: FieldPacket[]): string {
  const binary = fields.map((f) => f.characterSet === 63 && [252, 253, 254].includes(f.type!));
  const text = (s: string) => (s === '' || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v: Buffer | null, i: number) =>
    v === null ? '' : binary[i] ? `\\x${v.toString('hex')}` : text(v.toString('utf8'));
  const lines = [fields.map((f) => text(f.name)), ...rows.map((r) => r.map(cell))];
  return lines.map((l) => `${l.join(',')}\n`).join('');
}

describe('MySQL CSV export (copyCsv) against MariaDB', () => {
  const database = `hydroml_copy_${randomBytes(3).toString('hex')}`;
  let root: mysql.Connection;
  const driverConfig: DriverConfig = {
    ...{ ...MARIADB_ROOT, database, sslMode: 'disable' },
    ...{ connectTimeoutMs: 10_000, queryTimeoutMs: 60_000, importTimeoutMs: 60_000 },
  };
  const driver = new MysqlDriver(driverConfig);

  beforeAll(async () => {
    root = await mysql.createConnection({ ...MARIADB_ROOT, multipleStatements: true });
    await root.query(`CREATE DATABASE ${database}; USE ${database}; SET time_zone = '+00:00';
      CREATE TABLE samples (id INT PRIMARY KEY, s VARCHAR(400), t MEDIUMTEXT, b VARBINARY(20), bl BLOB,
        d DATE, dt DATETIME(3), ts TIMESTAMP NULL, amount DECIMAL(10,2), f DOUBLE);
      INSERT INTO samples VALUES
        (1, 'say "hi", then\\nleave', '', x'0102', '', '2024-02-29', '2024-02-29 13:45:01.250',
          '2024-02-29 12:00:00', 12.5, 0.1),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, 'Zürich', 'a\\rb', x'', x'ff00', '1999-12-31', '1999-12-31 23:59:59.000', NULL, -3, 1e300),
        (4, REPEAT('q,', 150), REPEAT('ab"', 30000), NULL, NULL, NULL, NULL, NULL, NULL, NULL);
      INSERT INTO samples SELECT seq + 10, CONCAT('s', seq), IF(seq % 3 = 0, NULL, CONCAT('t ', seq)),
        UNHEX(HEX(seq)), NULL, DATE('2000-01-01') + INTERVAL seq DAY, NULL, NULL, seq / 4, seq * 0.5
        FROM seq_1_to_5000;`);
  });
  afterAll(async () => {
    await root.query(`DROP DATABASE IF EXISTS ${database}`);
    await root.end();
  });

  it('writes what mysql prints, quoted, NULL as empty and binary as hex, in several chunks', async () => {
    const copy = await driver.copyCsv(SQL);
    const chunks: Uint8Array[] = [];
    for await (const chunk of copy.stream) chunks.push(chunk);
    const csv = Buffer.concat(chunks).toString('utf8');
    const lines = csv.split('\n');
    expect(lines[0]).toBe('id,s,t,b,bl,d,dt,ts,amount,f');
    expect(csv).toContain(
      '1,"say ""hi"", then\nleave","",\\x0102,\\x,2024-02-29,2024-02-29 13:45:01.250,2024-02-29 12:00:00,12.50,0.1\n2,,,,,,,,,\n',
    );
    expect(csv).toContain(
      '\n3,Zürich,"a\rb",\\x,\\xff00,1999-12-31,1999-12-31 23:59:59.000,,-3.00,1e300\n',
    );
    expect(csv).toContain(`\n4,"${'q,'.repeat(150)}","${'ab""'.repeat(30000)}",,,,,,,\n`);
    expect(copy.rowCount()).toBe(5004);
    expect(copy.columns().map((c) => c.type)).toEqual([
      ...['long', 'var_string', 'blob', 'var_string', 'blob'],
      ...['date', 'datetime', 'timestamp', 'newdecimal', 'double'],
    ]);
    expect(chunks.length).toBeGreaterThan(1);
    await root.query(`USE ${database}`);
    const [rows, fields] = await root.query({ sql: SQL, rowsAsArray: true, typeCast: false });
    expect(csv).toBe(referenceCsv(rows as unknown as Array<Array<Buffer | null>>, fields));
  });

  it('reports a failing query as an error of the stream', async () => {
    const copy = await driver.copyCsv('SELECT nope FROM samples');
    await expect(async () => {
      for await (const chunk of copy.stream) expect(chunk).toBeDefined();
    }).rejects.toThrow(/nope/);
  });

  it('stops a query waiting for its first row when destroyed, and at the import timeout', async () => {
    const started = Date.now();
    const copy = await driver.copyCsv('SELECT SLEEP(30) AS s');
    setTimeout(() => copy.stream.destroy(new Error('stopped by the job')), 300);
    await expect(async () => {
      for await (const chunk of copy.stream) expect(chunk).toBeDefined();
    }).rejects.toThrow(/stopped by the job/);
    expect(Date.now() - started).toBeLessThan(5000);
    const short = new MysqlDriver({ ...driverConfig, importTimeoutMs: 1000 });
    const slow = await short.copyCsv('SELECT SLEEP(30) AS s');
    await expect(async () => {
      for await (const chunk of slow.stream) expect(chunk).toBeDefined();
    }).rejects.toThrow('the query was cancelled after 1000 ms');
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
