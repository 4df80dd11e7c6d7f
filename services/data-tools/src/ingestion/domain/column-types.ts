import type { ColumnType } from '@hydroml/contracts';

export { columnTypeOf } from '@hydroml/recipes';

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
