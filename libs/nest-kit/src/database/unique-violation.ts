/** The PostgreSQL constraint name when `error` is a unique violation (SQLSTATE 23505). */
export function uniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  if (candidate.code === '23505')
    return typeof candidate.constraint === 'string' ? candidate.constraint : '';
  return candidate.driverError ? uniqueViolation(candidate.driverError) : undefined;
}
