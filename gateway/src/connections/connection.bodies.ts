import { OmitType } from '@nestjs/swagger';
import { PreviewDto, UpdateConnectionDto } from '@hydroml/contracts';

export class UpdateConnectionBody extends OmitType(UpdateConnectionDto, ['id'] as const) {}
export class PreviewBody extends OmitType(PreviewDto, ['id'] as const) {}
