import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** A version the grid, console or a chart reads. */
export class GridVersionRefDto {
  @IsUUID()
  dataSourceId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

/** `POST /data-sources/:id/versions/:n/rows`: AG Grid's server-side row-model request. */
export class VersionRowsDto extends GridVersionRefDto {
  /** startRow, endRow, sortModel, filterModel, rowGroupCols, valueCols, groupKeys (checked by the compiler). */
  @IsObject()
  request!: Record<string, unknown>;
}

/** A column's distinct values for a set filter, paged and searchable (of a version or a session). */
export class ColumnValuesQueryDto {
  @IsString()
  @Length(1, 300)
  column!: string;

  /** Case-insensitive substring of the value's text. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

/** Distinct values of a version's column. */
export class ColumnValuesDto extends ColumnValuesQueryDto {
  @IsUUID()
  dataSourceId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

/** A dataset to read: a version (dataSourceId + version) or a session's head (sessionId). */
export class DatasetTargetDto {
  @ValidateIf((o: DatasetTargetDto) => o.sessionId === undefined)
  @IsUUID()
  dataSourceId?: string;

  @ValidateIf((o: DatasetTargetDto) => o.sessionId === undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

/** `POST /sql`: one read-only SELECT over the dataset, exposed as the view `data`. */
export class SqlQueryDto extends DatasetTargetDto {
  @IsString()
  @Length(1, 100_000)
  sql!: string;

  /** Rows returned at most (1,000 by default, 10,000 at most). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

/**
 * `POST /sql/save`: a console query's full result as a new version of the data source it read (a
 * job): over a version (dataSourceId + version), or over a session head (sessionId; the new version
 * of the session's data source records the session's base version and recipe in its lineage).
 */
export class SaveSqlResultDto extends DatasetTargetDto {
  @IsString()
  @Length(1, 100_000)
  sql!: string;
}

export class SqlHistoryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export const CHART_KINDS = [
  'histogram',
  'box',
  'scatter',
  'line',
  'bar',
  'correlation',
  'missing',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** `POST /charts/:kind` body: the chart's options (checked per kind) over a version or a session head. */
export class ChartOptionsDto extends DatasetTargetDto {
  /** Rows to chart: an AG Grid filter model (as the grid sends it). */
  @IsOptional()
  @IsObject()
  filterModel?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  column?: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  x?: string;

  /** One column (scatter, bar value) or several (line series). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  columns?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 300)
  y?: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  color?: string;

  /** Histogram bins, bar categories (top k), or the point cap of scatter and line charts. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  size?: number;

  @IsOptional()
  @IsIn(['pearson', 'spearman'])
  method?: 'pearson' | 'spearman';

  @IsOptional()
  @IsIn(['count', 'sum', 'avg', 'min', 'max'])
  agg?: 'count' | 'sum' | 'avg' | 'min' | 'max';
}

export class ChartDto extends ChartOptionsDto {
  @IsIn(CHART_KINDS)
  kind!: ChartKind;
}
