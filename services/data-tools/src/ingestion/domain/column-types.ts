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

/** The DuckDB type a user's override asks for. */
export function duckTypeOf(type: ColumnType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'float':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'string':
    case 'other':
      return 'VARCHAR';
  }
}

/** Warnings for header cells the engine had to rename (blank or duplicate names). */
export function renamedColumnWarnings(rawHeader: Array<string | null>, names: string[]): string[] {
  const warnings: string[] = [];
  names.forEach((name, i) => {
    const raw = rawHeader[i];
    if (raw === undefined || raw === name) return;
    if (raw === null || raw.trim() === '') {
      warnings.push(`column ${i + 1}: empty name, named "${name}"`);
    } else {
      warnings.push(`column ${i + 1}: duplicate name "${raw}", renamed to "${name}"`);
    }
  });
  return warnings;
}

/** Text columns that are mostly numbers: say how many values were kept as text. */
export function mixedColumnWarning(
  name: string,
  nonNull: number,
  numeric: number,
  samples: string[],
): string | null {
  const text = nonNull - numeric;
  if (numeric === 0 || text === 0 || numeric < text) return null;
  const shown = samples.map((s) => JSON.stringify(s)).join(', ');
  return `column ${name}: ${text} value${text === 1 ? '' : 's'} not numeric (${shown}), kept as text`;
}
