import type { ModuleParts } from '@hydroml/nest-kit';
import { SqlHistory1764300000350 } from '../migrations/1764300000350-sql-history.js';
import { ChartsHandler } from './charts/charts.handler.js';
import { ChartsService } from './charts/charts.service.js';
import { ColumnValuesService } from './column-values.service.js';
import { DatasetTargets } from './dataset-targets.js';
import { GridCache } from './grid-cache.js';
import { GridHandler } from './grid.handler.js';
import { GridQueries } from './grid-queries.js';
import { GridService } from './grid.service.js';
import { VersionLookup } from './version-lookup.js';
import { SqlConsoleService } from './sql/sql-console.service.js';
import { SqlHandler } from './sql/sql.handler.js';
import { SqlHistoryRepository } from './sql/sql-history.repository.js';
import { SqlSaveJob } from './sql/sql-save.job.js';

/** The grid area of data-tools: grid pages, set-filter values, the SQL console and chart data. */
export const gridParts: ModuleParts = {
  controllers: [GridHandler, SqlHandler, ChartsHandler],
  providers: [
    ...[GridCache, GridQueries, GridService, ColumnValuesService, DatasetTargets],
    ...[SqlConsoleService, SqlHistoryRepository, SqlSaveJob, ChartsService, VersionLookup],
  ],
  migrations: [SqlHistory1764300000350],
};
