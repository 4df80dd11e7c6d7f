import type { TableSummary } from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';
import { splitTable } from '../browse/browse.service.js';

/** How often an import reports rows read (and checks for cancellation between reports). */
export const PROGRESS_INTERVAL_MS = 250;
/** Reading is this share of an import's progress; handing the file to data-tools is the rest. */
const READING_SHARE = 0.95;

/**
 * Rows read, reported at most every {@link PROGRESS_INTERVAL_MS}: as a fraction of the table's
 * estimated row count when the database gave one (capped below 1, estimates drift), else 0 with
 * the count in the message.
 */
export class RowProgress {
  private reportedAt = 0;

  constructor(
    private readonly ctx: Pick<JobContext, 'progress'>,
    private readonly estimate: number | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reports `rows` if the interval has passed since the last report (or `force`). */
  async update(rows: number, force = false): Promise<void> {
    const at = this.now();
    if (!force && at - this.reportedAt < PROGRESS_INTERVAL_MS) return;
    this.reportedAt = at;
    await this.ctx.progress(this.fraction(rows), `${rows.toLocaleString('en')} rows read`);
  }

  fraction(rows: number): number {
    if (!this.estimate || this.estimate <= 0) return 0;
    return Math.min(READING_SHARE, (READING_SHARE * rows) / this.estimate);
  }
}

/** The database's estimate of `table`'s rows (`schema.name` or `name`), if it lists one. */
export function estimatedRowsOf(tables: readonly TableSummary[], table: string): number | null {
  const [schema, name] = splitTable(table);
  const found = tables.find(
    (t) => t.name === name && (schema === undefined || t.schema === schema),
  );
  return found?.estimatedRows ?? null;
}
