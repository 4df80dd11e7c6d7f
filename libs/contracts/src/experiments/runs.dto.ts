import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { KeyValueDto, VIEW_TYPES, type ViewType } from './experiments.dto.js';
import { RUN_STATUSES, type RunStatus } from './tracking.views.js';
import { IsKeyValueArray, IsMetricArray } from './batch-validators.js';
import { IsWireDouble } from './wire-double.js';

const ID_LENGTH = 64;
const KEY_LENGTH = 1000;

/** MLflow clients send both `run_id` and the deprecated `run_uuid`; either names the run. */
export class RunRefDto {
  @IsOptional()
  @IsString()
  @MaxLength(ID_LENGTH)
  run_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(ID_LENGTH)
  run_uuid?: string;
}

export class CreateRunDto {
  @IsString()
  @MaxLength(ID_LENGTH)
  experiment_id!: string;

  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  user_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  run_name?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  start_time?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => KeyValueDto)
  tags?: KeyValueDto[];
}

export class UpdateRunDto extends RunRefDto {
  @IsOptional()
  @IsIn(RUN_STATUSES)
  status?: RunStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  end_time?: number;

  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  run_name?: string;
}

export class MetricDto {
  @IsString()
  @MaxLength(KEY_LENGTH)
  key!: string;

  @IsWireDouble()
  value!: number | string;

  @Type(() => Number)
  @IsInt()
  timestamp!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  step?: number;
}

export class LogMetricDto extends RunRefDto {
  @IsString()
  @MaxLength(KEY_LENGTH)
  key!: string;

  @IsWireDouble()
  value!: number | string;

  @Type(() => Number)
  @IsInt()
  timestamp!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  step?: number;

  /** Sent by MLflow 3 clients; accepted and not stored yet. */
  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  model_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  dataset_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(KEY_LENGTH)
  dataset_digest?: string;
}

export class LogParamDto extends RunRefDto {
  @IsString()
  @MaxLength(KEY_LENGTH)
  key!: string;

  @IsString()
  @MaxLength(100_000)
  value!: string;
}

export class SetRunTagDto extends LogParamDto {}

export class DeleteRunTagDto extends RunRefDto {
  @IsString()
  @MaxLength(KEY_LENGTH)
  key!: string;
}

export class LogBatchDto extends RunRefDto {
  @IsOptional()
  @IsMetricArray()
  metrics?: MetricDto[];

  @IsOptional()
  @IsKeyValueArray()
  params?: KeyValueDto[];

  @IsOptional()
  @IsKeyValueArray()
  tags?: KeyValueDto[];
}

export class SearchRunsDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  experiment_ids?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  filter?: string;

  @IsOptional()
  @IsIn(VIEW_TYPES)
  run_view_type?: ViewType;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  max_results?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  order_by?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  page_token?: string;
}

/** HydroML's native search: MLflow's grammar plus OR and parentheses, a total and projections. */
export class NativeSearchRunsDto extends SearchRunsDto {
  @IsOptional()
  @IsBoolean()
  with_total?: boolean;

  /** Only these columns: `params.x`, `metrics.y`, `tags.z` (default: everything). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  columns?: string[];
}

export class MetricHistoryDto extends RunRefDto {
  @IsString()
  @MaxLength(KEY_LENGTH)
  metric_key!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  page_token?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  max_results?: number;
}
