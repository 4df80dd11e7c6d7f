import { OmitType } from '@nestjs/swagger';
import { ImportDto, PreviewDto, UpdateConnectionDto } from '@hydroml/contracts';

export class UpdateConnectionBody extends OmitType(UpdateConnectionDto, ['id'] as const) {}
export class PreviewBody extends OmitType(PreviewDto, ['id'] as const) {}
export class ImportBody extends OmitType(ImportDto, ['id'] as const) {}
