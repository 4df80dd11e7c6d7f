import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ColumnSchema,
  CorrelationMatrix,
  ProfileView,
  TableProfile,
} from '@hydroml/contracts';
import { profileAlerts } from './alerts.js';
import { columnProfile, type ColumnFacts } from './column-profile.js';
import { basicPass } from './pass-basic.js';
import { duplicates, exactIdCandidates, missingPatterns, topValues } from './pass-groups.js';
import { secondPass } from './pass-moments.js';
import { quantilesPass } from './pass-quantiles.js';
import { allDatetimeSteps, monotonicity } from './pass-order.js';
import { PassClock } from './pass-clock.js';
import { cramers, sampledColumns, sampleSource, spearman, textPatterns } from './pass-sample.js';
import { mlSuitability, readinessScore } from './ml-suitability.js';
import type { BasicStats } from './profile.internal.js';
import { semanticTypeOf } from './semantic-type.js';

export interface ProfileInput {
  /** A relation to read, e.g. `read_parquet('...')`. */
  source: string;
  /** The same rows with the hidden row id (file order), e.g. `(SELECT ... __hydroml_rid ...)`. */
  ordered: string;
  schema: readonly ColumnSchema[];
  bytes: number;
}

export type ProfileBody = Omit<
  ProfileView,
  'dataSourceId' | 'version' | 'versionId' | 'computedAt' | 'durationMs'
>;

/** Called between passes: report progress, and throw to cancel. */
export type ProfileProgress = (fraction: number, message: string) => Promise<void>;

/** The profile of a table in a few DuckDB passes (see each pass for what it computes). */
export async function computeProfile(
  c: DuckDBConnection,
  input: ProfileInput,
  progress: ProfileProgress = () => Promise.resolve(),
): Promise<ProfileBody> {
  const { source } = input;
  const clock = new PassClock(progress);
  const step = (fraction: number, pass: string) => clock.next(fraction, pass);
  await step(0.05, 'counting and summarising columns');
  const { rows, columns } = await basicPass(c, source, input.schema);
  await quantilesPass(c, source, columns);
  await step(0.35, 'moments, histograms and correlations');
  const second = await secondPass(c, source, rows, columns);
  await step(0.55, 'frequent values, order and time steps');
  const values = await topValues(c, source, rows, columns);
  await exactIdCandidates(c, source, rows, columns);
  const monotonic = await monotonicity(c, input.ordered, columns);
  const steps = await allDatetimeSteps(c, source, columns);
  await step(0.7, 'duplicates and missing patterns');
  const keys = columns
    .filter((s) => ['datetime', 'id_like'].includes(semanticTypeOf(s, rows)) && s.kind !== 'string')
    .map((s) => s.column.name);
  const dup = await duplicates(c, source, rows, columns, keys);
  const patterns = await missingPatterns(c, source, rows, columns);
  await step(0.8, 'patterns and rank correlations on a sample');
  const categorical = columns.filter((s) =>
    ['categorical', 'boolean'].includes(semanticTypeOf(s, rows)),
  );
  const sample = await sampleSource(c, source, rows, sampledColumns(columns, categorical));
  const shapes = await textPatterns(c, sample.source, columns);
  const rank = await spearman(c, sample.source, sample.rows, columns);
  const cramersV = await cramers(c, sample.source, sample.rows, categorical);
  const facts = columns.map((s): ColumnFacts => ({
    ...{
      basics: s,
      moments: second.moments.get(s.column.name),
      histogram: second.histograms.get(s.column.name),
    },
    ...{ values: values.get(s.column.name), monotonic: monotonic.get(s.column.name) },
    ...{ patterns: shapes.get(s.column.name), steps: steps.get(s.column.name) },
  }));
  await step(1, '');
  const profiles = facts.map((f) => columnProfile(f, rows));
  const table = tableProfile(rows, input.bytes, columns, dup);
  const correlations = { pearson: second.pearson, spearman: rank, cramersV };
  return { ...assemble(table, profiles, correlations, patterns), timings: clock.timings };
}

function tableProfile(
  rows: number,
  bytes: number,
  columns: readonly BasicStats[],
  dup: Pick<TableProfile, 'duplicateRows' | 'duplicateExamples' | 'duplicatesIgnoring'>,
): TableProfile {
  const cells = rows * columns.length;
  const missingCells = columns.reduce((sum, s) => sum + (rows - s.count), 0);
  return {
    ...{ rows, columns: columns.length, bytes, missingCells },
    missingCellsShare: cells ? missingCells / cells : 0,
    ...dup,
    duplicateRowsShare: rows ? dup.duplicateRows / rows : 0,
  };
}

function assemble(
  table: TableProfile,
  columns: ProfileBody['columns'],
  correlations: Record<'pearson' | 'spearman' | 'cramersV', CorrelationMatrix | null>,
  missing: ProfileBody['missingPatterns'],
): ProfileBody {
  const alerts = profileAlerts(table, columns, [correlations.pearson, correlations.cramersV]);
  const ml = mlSuitability(columns, alerts);
  return {
    ...{ table, columns, correlations, missingPatterns: missing, alerts },
    ml: { readiness: readinessScore(table, ml, alerts), columns: ml },
  };
}
