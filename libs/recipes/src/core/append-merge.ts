import { selectReplacing } from './sql.js';
import type { AppendedColumns, Relation } from './types.js';

/** A run of consecutive column-appending steps: the relation before it and all columns added. */
export interface AppendRun {
  base: Relation;
  columns: Array<[name: string, expression: string]>;
}

/**
 * The SELECT of an appending step: merged with the run before it (one SELECT over the run's base)
 * when it reads none of the columns the run added, else a new run over `input`.
 */
export function appendSelect(
  run: AppendRun | undefined,
  appended: AppendedColumns,
  input: Relation,
): { sql: string; run: AppendRun } {
  const added = new Set(run?.columns.map(([name]) => name));
  const next =
    run && !appended.reads.some((c) => added.has(c))
      ? { base: run.base, columns: [...run.columns, ...appended.columns] }
      : { base: input, columns: appended.columns };
  return { sql: selectReplacing(next.base, new Map(), next.columns), run: next };
}
