import { DIALECTS, incrementalSql, maxSql } from './dialect.js';

describe('dialects', () => {
  it('quotes identifiers and literals so values cannot break out', () => {
    expect(DIALECTS.postgresql.literal("it's \\ x")).toBe("E'it''s \\\\ x'");
    expect(DIALECTS.mysql.literal("a'\\")).toBe("'a''\\\\'");
    expect(DIALECTS.sqlite.literal("a'b")).toBe("'a''b'");
    expect(DIALECTS.mysql.ident('we`ird')).toBe('`we``ird`');
    expect(DIALECTS.postgresql.ident('we"ird')).toBe('"we""ird"');
  });

  it('bounds an incremental import between the last maximum and the current one', () => {
    const d = DIALECTS.postgresql;
    expect(incrementalSql(d, 'SELECT * FROM t', 'id', { after: '10', max: '20' })).toBe(
      `SELECT * FROM (SELECT * FROM t) hydroml_src WHERE hydroml_src."id" > E'10' AND hydroml_src."id" <= E'20'`,
    );
    expect(incrementalSql(d, 'SELECT 1 AS id', 'id', { after: null, max: '1' })).not.toContain('>');
    expect(maxSql(DIALECTS.mysql, 'SELECT * FROM t', 'ts')).toBe(
      'SELECT CAST(max(hydroml_src.`ts`) AS CHAR) AS hydroml_max FROM (SELECT * FROM t) hydroml_src',
    );
  });
});
