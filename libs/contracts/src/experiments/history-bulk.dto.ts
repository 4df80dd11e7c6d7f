import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import type { MetricView } from './tracking.views.js';

/** MLflow's GetMetricHistoryBulkInterval: one metric of up to 100 runs, sampled by step. */
export class MetricHistoryBulkDto {
  /** Repeated in a query string; a single value arrives as a string. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  run_ids!: string[];

  @IsString()
  @MaxLength(1000)
  metric_key!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  start_step?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  end_step?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  max_results?: number;
}

export interface MetricWithRunIdView extends MetricView {
  run_id: string;
}

export interface MetricHistoryBulkResult {
  metrics: MetricWithRunIdView[];
}
