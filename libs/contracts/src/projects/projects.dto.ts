import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const PROJECT_ROLES = ['viewer', 'editor', 'owner'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const ACCESS_ACTIONS = ['read', 'write', 'manage'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const DATA_SOURCE_KINDS = ['file', 'database', 'derived'] as const;
export type DataSourceKind = (typeof DATA_SOURCE_KINDS)[number];

export const PROJECT_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;

export class CreateProjectDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;
}

export class UpdateProjectDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;
}

export class IdDto {
  @IsUUID()
  id!: string;
}

export class IdsDto {
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class ListProjectsDto {
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

  @IsOptional()
  @IsString()
  @MaxLength(120)
  search?: string;

  @IsOptional()
  @IsIn(PROJECT_SORT_FIELDS)
  sort?: (typeof PROJECT_SORT_FIELDS)[number];

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  /** Also accepted as the query-string text 'true' / 'false'. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  favoritesOnly?: boolean;
}

export class FavoriteDto {
  @IsUUID()
  projectId!: string;

  @IsBoolean()
  favorite!: boolean;
}

export class ProjectIdDto {
  @IsUUID()
  projectId!: string;
}

export class AddMemberDto {
  @IsUUID()
  projectId!: string;

  /** Username or email of the user to add. */
  @IsString()
  @Length(1, 254)
  user!: string;

  @IsIn(PROJECT_ROLES)
  role!: ProjectRole;
}

export class UpdateMemberDto {
  @IsUUID()
  projectId!: string;

  @IsUUID()
  userId!: string;

  @IsIn(PROJECT_ROLES)
  role!: ProjectRole;
}

export class RemoveMemberDto {
  @IsUUID()
  projectId!: string;

  @IsUUID()
  userId!: string;
}

export class CreateDataSourceDto {
  @IsUUID()
  projectId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsIn(DATA_SOURCE_KINDS)
  kind!: DataSourceKind;
}

export class UpdateDataSourceDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class LinkDataSourceDto {
  @IsUUID()
  projectId!: string;

  @IsUUID()
  dataSourceId!: string;
}

export class AccessCheckDto {
  @IsIn(['project', 'data_source'])
  resource!: 'project' | 'data_source';

  @IsUUID()
  id!: string;

  @IsIn(ACCESS_ACTIONS)
  action!: AccessAction;
}
