import { DomainError } from '@hydroml/contracts';

export { DuckEngine, sqlString, type DuckSettings } from '@hydroml/recipes';

export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** DuckDB's message, first line, as a user-facing input error. */
export function readError(prefix: string, error: unknown): DomainError {
  const text = error instanceof Error ? error.message : String(error);
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');
  return new DomainError('invalid_argument', `${prefix}: ${line.slice(0, 400)}`);
}
