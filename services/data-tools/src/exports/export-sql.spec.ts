import type { ColumnSchema } from '@hydroml/contracts';
import { exportSql } from './export-sql.js';

const SCHEMA: ColumnSchema[] = [
  { name: 'id', type: 'integer', sourceType: 'BIGINT' },
  { name: 'we"ird', type: 'string', sourceType: 'VARCHAR' },
];

describe('exportSql', () => {
  it('quotes the chosen columns and applies the row limit', () => {
    expect(
      exportSql('/v.parquet', '/o.tsv', SCHEMA, { format: 'tsv', columns: ['we"ird'], limit: 5 }),
    ).toBe(
      `COPY (SELECT "we""ird" FROM read_parquet('/v.parquet') LIMIT 5) TO '/o.tsv' (FORMAT csv, HEADER true, DELIMITER '\t')`,
    );
  });

  it('exports every column by default', () => {
    expect(exportSql('/v.parquet', '/o.parquet', SCHEMA, { format: 'parquet' })).toContain(
      'SELECT * FROM',
    );
  });

  it('refuses columns the version does not have', () => {
    expect(() =>
      exportSql('/v', '/o', SCHEMA, { format: 'csv', columns: ['id', 'x; DROP'] }),
    ).toThrow('unknown columns: x; DROP');
  });
});
