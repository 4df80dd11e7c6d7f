import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { MODEL_TYPES, type ModelType } from './training.dto.js';

export class PublishRequestDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;
}

export class PublishTrainingDto extends PublishRequestDto {
  @IsUUID()
  trainingId!: string;
}

export class GallerySearchDto {
  @IsOptional()
  @IsIn(MODEL_TYPES)
  model?: ModelType;

  /** Only entries that logged this metric, best first (larger first unless it is an error). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  metric?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ForkRequestDto {
  @IsUUID()
  projectId!: string;
}

export class ForkDto extends ForkRequestDto {
  @IsUUID()
  id!: string;
}

export interface GalleryEntryView {
  id: string;
  title: string;
  description: string;
  modelType: ModelType;
  task: string | null;
  metrics: Record<string, number>;
  spec: Record<string, unknown>;
  publishedAt: string;
}

/** A forked experiment: the published spec as a draft in the caller's project, to re-run. */
export interface ForkView {
  id: string;
  galleryId: string;
  projectId: string;
  draft: Record<string, unknown>;
  createdAt: string;
}

/** A draft forked from the gallery, as listed in its project. */
export interface DraftView extends ForkView {
  /** The gallery entry's title and model type when it was forked. */
  title: string;
  modelType: ModelType;
}

export class DraftIdDto {
  @IsUUID()
  id!: string;
}

export class ProjectDraftsDto {
  @IsUUID()
  projectId!: string;
}

/**
 * The REST body of POST /drafts/:id/run: the draft's spec, with the caller's own data when the
 * published data is not shared with them (a data source they can read, its version, and the
 * target and features when their columns differ).
 */
export class RunDraftRequestDto {
  @IsOptional()
  @IsUUID()
  dataSourceId?: string;

  /** Required with `dataSourceId`. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  target?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  features?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  experimentName?: string;

  @IsOptional()
  @IsString()
  @Length(1, 250)
  runName?: string;
}

export class RunDraftDto extends RunDraftRequestDto {
  @IsUUID()
  id!: string;
}
