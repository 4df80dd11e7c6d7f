import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MODEL_TYPES, type ModelType } from './training.dto.js';

/** A named set of hyperparameters of one model type, owned by its user; or taken from a run. */
export class CreatePresetDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  /** Required unless `fromRunId` names a finished training run (its model type is taken). */
  @IsOptional()
  @IsIn(MODEL_TYPES)
  modelType?: ModelType;

  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  /** A run (32 hex) whose logged model hyperparameters become the preset. */
  @IsOptional()
  @IsString()
  @Length(32, 32)
  fromRunId?: string;
}

export class PresetIdDto {
  @IsUUID()
  id!: string;
}

export class ListPresetsDto {
  @IsOptional()
  @IsIn(MODEL_TYPES)
  modelType?: ModelType;
}

export interface PresetView {
  id: string;
  name: string;
  modelType: ModelType;
  params: Record<string, unknown>;
  sourceRunId: string | null;
  createdAt: string;
}
