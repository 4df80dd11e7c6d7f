import { OmitType } from '@nestjs/swagger';
import {
  AddMemberDto,
  CreateDataSourceDto,
  UpdateDataSourceDto,
  UpdateMemberDto,
  UpdateProjectDto,
} from '@hydroml/contracts';

/** REST bodies: the contract DTOs without the ids that come from the path. */
export class UpdateProjectBody extends OmitType(UpdateProjectDto, ['id'] as const) {}
export class AddMemberBody extends OmitType(AddMemberDto, ['projectId'] as const) {}
export class UpdateMemberBody extends OmitType(UpdateMemberDto, ['projectId', 'userId'] as const) {}
export class CreateDataSourceBody extends OmitType(CreateDataSourceDto, ['projectId'] as const) {}
export class UpdateDataSourceBody extends OmitType(UpdateDataSourceDto, ['id'] as const) {}
