import type { ColumnType } from '@hydroml/contracts';

/** The platform's column type for a DuckDB type name. */
export function columnTypeOf(duckType: string): ColumnType {
  const t = duckType.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(
      t,
    )
  ) {
    return 'integer';
  }
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith('DECIMAL')) return 'float';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'VARCHAR') return 'string';
  return 'other';
}
