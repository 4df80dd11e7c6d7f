import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import {
  ApplyRecipeDto,
  ApplyStepDto,
  EditStepDto,
  OpenSessionDto,
  SaveSessionDto,
} from '@hydroml/contracts';

/** REST bodies: the contract DTOs without the ids that come from the path. */
export class OpenSessionBody extends OpenSessionDto {}
export class ApplyStepBody extends OmitType(ApplyStepDto, ['sessionId'] as const) {}
export class EditStepBody extends OmitType(EditStepDto, ['sessionId', 'index'] as const) {}
export class SaveSessionBody extends OmitType(SaveSessionDto, ['sessionId'] as const) {}

/** Jump: the head moves so that `index` steps are applied (0 = the base version). */
export class JumpBody {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  index!: number;
}

/**
 * A recipe to apply: what GET /sessions/:id/recipe exported (its descriptive fields are accepted
 * and ignored), or just `{steps}`.
 */
export class ApplyRecipeBody extends OmitType(ApplyRecipeDto, ['sessionId'] as const) {
  @IsOptional()
  @IsString()
  format?: string;

  @IsOptional()
  @IsInt()
  formatVersion?: number;

  @IsOptional()
  @IsObject()
  base?: Record<string, unknown>;

  @IsOptional()
  outputSchema?: unknown;
}
