import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

/** Native API: the experiments of one project, a page at a time. */
export class ProjectExperimentsDto {
  @IsUUID()
  project_id!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  page_size?: number;
}

/** Native API: N runs side by side. */
export class CompareRunsDto {
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  run_ids!: string[];
}
