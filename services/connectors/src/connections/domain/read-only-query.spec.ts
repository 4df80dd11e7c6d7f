import { DomainError } from '@hydroml/contracts';
import { assertReadOnlySelect } from './read-only-query.js';

function verdict(sql: string, type: 'postgresql' | 'mysql' = 'postgresql'): string {
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
});
