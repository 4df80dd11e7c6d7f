import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  AddMemberDto,
  CreateDataSourceDto,
  CreateProjectDto,
  ListProjectsDto,
  UpdateMemberDto,
  UpdateProjectDto,
  type DataSourceKind,
  type ProjectRole,
} from '@hydroml/contracts';

/* GraphQL inputs extend the contract DTOs, so they keep the same class-validator rules. */

@InputType()
export class CreateProjectInput extends CreateProjectDto {
  @Field() override name!: string;
  @Field({ nullable: true }) override description?: string;
  @Field({ nullable: true }) override isPublic?: boolean;
}

@InputType()
export class UpdateProjectInput extends UpdateProjectDto {
  @Field(() => ID) override id!: string;
  @Field({ nullable: true }) override name?: string;
  @Field({ nullable: true }) override description?: string;
  @Field({ nullable: true }) override isPublic?: boolean;
}

@InputType()
export class AddMemberInput extends AddMemberDto {
  @Field(() => ID) override projectId!: string;
  @Field() override user!: string;
  @Field(() => String) override role!: ProjectRole;
}

@InputType()
export class UpdateMemberInput extends UpdateMemberDto {
  @Field(() => ID) override projectId!: string;
  @Field(() => ID) override userId!: string;
  @Field(() => String) override role!: ProjectRole;
}

@InputType()
export class CreateDataSourceInput extends CreateDataSourceDto {
  @Field(() => ID) override projectId!: string;
  @Field() override name!: string;
  @Field({ nullable: true }) override description?: string;
  @Field(() => String) override kind!: DataSourceKind;
}

@ArgsType()
export class ProjectsArgs extends ListProjectsDto {
  @Field(() => Int, { nullable: true }) override page?: number;
  @Field(() => Int, { nullable: true }) override pageSize?: number;
  @Field({ nullable: true }) override search?: string;
  @Field(() => String, { nullable: true }) override sort?: 'name' | 'createdAt' | 'updatedAt';
  @Field(() => String, { nullable: true }) override order?: 'asc' | 'desc';
  @Field({ nullable: true }) override favoritesOnly?: boolean;
}
