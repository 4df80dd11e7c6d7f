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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COLUMN_TYPES } from './datasets.views.js';
import { ColumnValuesQueryDto } from './grid.dto.js';

export class OpenSessionDto {
  @IsUUID()
  dataSourceId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class SessionRefDto {
  @IsUUID()
  sessionId!: string;
}

export class ListSessionsDto {
  @IsUUID()
  dataSourceId!: string;
}

/** A step as a client sends it. */
export class StepDto {
  @IsString()
  @Matches(/^[a-z][a-z_]*\.[a-z][a-z_0-9]*$/)
  op!: string;

  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class ApplyStepDto extends StepDto {
  @IsUUID()
  sessionId!: string;

  /** Preview rows to return with the new state (100 by default). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  previewRows?: number;
}

export class StepRefDto {
  @IsUUID()
  sessionId!: string;

  /** 0-based position of the step in the recipe. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  index!: number;
}

export class EditStepDto extends StepRefDto {
  /** The step's new params (replacing the old ones). */
  @IsObject()
  params!: Record<string, unknown>;
}

/** Move the head to `index` applied steps (0 = the base version). */
export class JumpDto extends StepRefDto {}

export const SAVE_TARGETS = ['version', 'new'] as const;

export class SaveSessionDto {
  @IsUUID()
  sessionId!: string;

  /** A new version of the session's data source, or a new data source. */
  @IsOptional()
  @IsIn(SAVE_TARGETS)
  target?: (typeof SAVE_TARGETS)[number];

  /** For a new data source: its project and name. */
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

/** A column an exported recipe expects in its input. */
export class RecipeColumnDto {
  @IsString()
  @Length(1, 255)
  name!: string;

  @IsIn(COLUMN_TYPES)
  type!: (typeof COLUMN_TYPES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceType?: string;
}

export class ApplyRecipeDto {
  @IsUUID()
  sessionId!: string;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps!: StepDto[];

  /** The columns the recipe was made on: those present here must have compatible types. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RecipeColumnDto)
  inputSchema?: RecipeColumnDto[];

  /** Replace the session's steps (default) or append after the head. */
  @IsOptional()
  @IsIn(['replace', 'append'])
  mode?: 'replace' | 'append';
}

export class SessionRowsDto {
  @IsUUID()
  sessionId!: string;

  /** The AG Grid server-side row-model request (startRow, endRow, sortModel, filterModel, ...). */
  @IsObject()
  request!: Record<string, unknown>;
}

/** Distinct values of a head column for a set filter, paged and searchable. */
export class SessionColumnValuesDto extends ColumnValuesQueryDto {
  @IsUUID()
  sessionId!: string;
}
