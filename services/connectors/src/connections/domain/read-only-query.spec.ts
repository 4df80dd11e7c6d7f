import { DomainError } from '@hydroml/contracts';
import { assertReadOnlySelect } from './read-only-query.js';

function verdict(sql: string, type: 'postgresql' | 'mysql' | 'sqlite' = 'postgresql'): string {
  try {
    assertReadOnlySelect(sql, type);
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.message : 'crash';
  }
}

describe('read-only query check', () => {
  it('accepts single SELECTs, with CTEs, joins and comments', () => {
    expect(verdict('SELECT * FROM gauges WHERE flow > 3')).toBe('ok');
    expect(
      verdict('WITH d AS (SELECT station, avg(flow) f FROM q GROUP BY station) SELECT * FROM d'),
    ).toBe('ok');
    expect(verdict('/* daily */ SELECT a.x FROM a JOIN b ON a.id = b.id -- note')).toBe('ok');
    expect(verdict('SELECT `x` FROM `t` LIMIT 5', 'mysql')).toBe('ok');
  });

  it('refuses two statements and plain writes', () => {
    expect(verdict('SELECT 1; DELETE FROM t')).toMatch(/found 2 statements/);
    expect(verdict('DELETE FROM t')).toMatch(/DELETE/);
    expect(verdict('UPDATE t SET a = 1', 'mysql')).toMatch(/UPDATE/);
    expect(verdict('DROP TABLE t')).toMatch(/DROP/);
  });

  it('refuses writes disguised as reads', () => {
    expect(verdict('/* SELECT */ DELETE FROM t')).toMatch(/DELETE/);
    expect(verdict('WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d')).not.toBe('ok');
    expect(verdict('SELECT * INTO backup FROM t')).toMatch(/INTO/);
    expect(verdict("SELECT * FROM t INTO OUTFILE '/tmp/x'", 'mysql')).toMatch(/INTO/);
    expect(verdict('SELECT * FROM t FOR UPDATE')).not.toBe('ok');
    expect(verdict('SELECT * FROM t FOR UPDATE', 'mysql')).not.toBe('ok');
  });

  it('refuses what it cannot parse', () => {
    expect(verdict('SELEC * FRM t')).toMatch(/could not be parsed/);
    expect(verdict('')).not.toBe('ok');
  });

  it('refuses MySQL executable comments, optimizer hints and -- without a space', () => {
    expect(verdict("SELECT 1 /*! INTO OUTFILE '/tmp/x' */", 'mysql')).toMatch(/\/\*!/);
    expect(verdict('SELECT * FROM t /*!50000 FOR UPDATE */', 'mysql')).toMatch(/\/\*!/);
    expect(verdict("SELECT 1 /*M!100000 INTO OUTFILE '/tmp/x' */", 'mysql')).toMatch(/M!/);
    expect(verdict('SELECT /*+ SET_VAR(max_execution_time=0) */ 1', 'mysql')).toMatch(/\/\*\+/);
    expect(verdict("SELECT 1 --1 INTO OUTFILE '/tmp/x'", 'mysql')).toMatch(/followed by a space/);
    expect(verdict('SELECT 1 #x\n/*! FOR UPDATE */', 'mysql')).toMatch(/\/\*!/);
    expect(verdict("SELECT 'a' /* plain */ /*! INTO OUTFILE '/tmp/x' */", 'mysql')).not.toBe('ok');
  });

  it('tells comment markers inside strings and identifiers from real ones', () => {
    expect(verdict("SELECT '/*!50000 FOR UPDATE */' AS s", 'mysql')).toBe('ok');
    expect(verdict('SELECT "/*! x */", `a/*!b` FROM `t--1`', 'mysql')).toBe('ok');
    expect(verdict("SELECT 'it''s /*!' AS s, 'a\\'b' AS t", 'mysql')).toBe('ok');
    expect(verdict('SELECT 1 -- a note /*! not run */\n, 2', 'mysql')).toBe('ok');
    expect(verdict('SELECT 1 /* plain /*! still plain */', 'mysql')).toBe('ok');
    expect(verdict('SELECT 1 - -1 AS n', 'mysql')).toBe('ok');
    // A quote closed only without backslash escapes (sql_mode NO_BACKSLASH_ESCAPES): fail closed.
    expect(verdict("SELECT 'a\\' /*! INTO OUTFILE '/tmp/x' */ '", 'mysql')).not.toBe('ok');
    expect(verdict("SELECT '/*!' '", 'mysql')).not.toBe('ok');
    // PostgreSQL has no executable comments.
    expect(verdict("SELECT 1 /*! harmless */, '--x'")).toBe('ok');
  });

  it('refuses functions that act on the server, however they are named', () => {
    const refused = [
      "SELECT lo_export(16384, '/tmp/x')",
      "SELECT pg_catalog.lo_import('/etc/passwd')",
      'SELECT "LO_EXPORT"(1, \'/tmp/x\')',
      'SELECT Pg_Terminate_Backend(123)',
      'SELECT pg_cancel_backend(1), pg_reload_conf(), pg_rotate_logfile()',
      "SELECT set_config('statement_timeout', '0', false)",
      "SELECT dblink('host=x', 'select 1')",
      "SELECT dblink_exec('host=x', 'DROP TABLE t')",
      "SELECT pg_read_file('/etc/passwd')",
      "SELECT * FROM pg_ls_dir('.') AS f",
      'SELECT pg_advisory_lock(1)',
      'SELECT x FROM t WHERE pg_try_advisory_xact_lock(x)',
      "SELECT nextval('s'), setval('s', 1)",
      "SELECT pg_notify('c', 'hi')",
      "SELECT query_to_xml('SELECT lo_export(1, ''/tmp/x'')', true, true, '')",
      "WITH f AS (SELECT pg_read_binary_file('/etc/passwd') AS b) SELECT * FROM f",
    ];
    for (const sql of refused)
      expect([sql, verdict(sql)]).toEqual([sql, expect.stringMatching(/acts on the server/)]);
    expect(verdict("SELECT LOAD_FILE('/etc/passwd')", 'mysql')).toMatch(/LOAD_FILE/);
    expect(verdict("SELECT get_lock('a', 1)", 'mysql')).toMatch(/acts on the server/);
    expect(verdict("SELECT `release_lock`('a')", 'mysql')).toMatch(/acts on the server/);
    expect(verdict("SELECT load_extension('x')", 'sqlite')).toMatch(/acts on the server/);
  });

  it('keeps ordinary functions, and names that only look alike', () => {
    expect(verdict('SELECT lower(s), count(*), now(), pg_sleep(0) FROM t GROUP BY s')).toBe('ok');
    expect(verdict('SELECT lo_export_count FROM t')).toBe('ok');
    expect(verdict("SELECT txid_current(), to_char(now(), 'YYYY') AS y")).toBe('ok');
    expect(verdict('SELECT SLEEP(0), VERSION(), CONCAT(a, b) FROM t', 'mysql')).toBe('ok');
  });
});
