import { contract } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import {
  ChartDto,
  ColumnValuesDto,
  SaveSqlResultDto,
  SqlHistoryDto,
  SqlQueryDto,
  VersionRowsDto,
} from './grid.dto.js';
import type {
  ChartData,
  ColumnValues,
  GridRows,
  SqlHistoryEntry,
  SqlResult,
} from './grid.views.js';

/** The studio's read side: grid pages, set-filter values, the SQL console and chart data. */
export const GridContracts = {
  rows: contract<VersionRowsDto, GridRows>('data-tools.grid.rows', VersionRowsDto),
  columnValues: contract<ColumnValuesDto, ColumnValues>(
    'data-tools.grid.column-values',
    ColumnValuesDto,
  ),
  sql: contract<SqlQueryDto, SqlResult>('data-tools.sql.run', SqlQueryDto),
  saveSql: contract<SaveSqlResultDto, JobView>('data-tools.sql.save', SaveSqlResultDto),
  sqlHistory: contract<SqlHistoryDto, SqlHistoryEntry[]>('data-tools.sql.history', SqlHistoryDto),
  chart: contract<ChartDto, ChartData>('data-tools.charts.data', ChartDto),
} as const;
