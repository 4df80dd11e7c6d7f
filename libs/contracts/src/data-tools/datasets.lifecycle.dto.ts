import { IsObject, IsOptional, IsString, Length } from 'class-validator';
import { VersionRefDto } from './datasets.dto.js';
import { COLUMN_TYPES } from './datasets.views.js';

/** Read a version's original file again with explicit column types (a new version). */
export class ReingestDto extends VersionRefDto {
  /** Column name -> type; columns not named keep the inferred type. */
  @IsObject()
  types!: Record<string, (typeof COLUMN_TYPES)[number]>;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  sheet?: string;
}
