import { contract, event, type Ok, type Page } from '../contract.js';
import {
  AccessCheckDto,
  AddMemberDto,
  CreateDataSourceDto,
  CreateProjectDto,
  FavoriteDto,
  IdDto,
  IdsDto,
  LinkDataSourceDto,
  ListProjectsDto,
  ProjectIdDto,
  RemoveMemberDto,
  UpdateDataSourceDto,
  UpdateMemberDto,
  UpdateProjectDto,
  type ProjectRole,
} from './projects.dto.js';
import type {
  AccessDecision,
  DataSourceView,
  DataSourcesByProject,
  MemberView,
  MembersByProject,
  ProjectView,
} from './projects.views.js';

export const ProjectsContracts = {
  create: contract<CreateProjectDto, ProjectView>('projects.projects.create', CreateProjectDto),
  list: contract<ListProjectsDto, Page<ProjectView>>('projects.projects.list', ListProjectsDto),
  get: contract<IdDto, ProjectView>('projects.projects.get', IdDto),
  update: contract<UpdateProjectDto, ProjectView>('projects.projects.update', UpdateProjectDto),
  delete: contract<IdDto, Ok>('projects.projects.delete', IdDto),
  setFavorite: contract<FavoriteDto, Ok>('projects.favorites.set', FavoriteDto),
  listMembers: contract<ProjectIdDto, MemberView[]>('projects.members.list', ProjectIdDto),
  membersOf: contract<IdsDto, MembersByProject>('projects.members.batch', IdsDto),
  addMember: contract<AddMemberDto, MemberView>('projects.members.add', AddMemberDto),
  updateMember: contract<UpdateMemberDto, MemberView>('projects.members.update', UpdateMemberDto),
  removeMember: contract<RemoveMemberDto, Ok>('projects.members.remove', RemoveMemberDto),
  listDataSources: contract<ProjectIdDto, DataSourceView[]>(
    'projects.data-sources.list',
    ProjectIdDto,
  ),
  dataSourcesOf: contract<IdsDto, DataSourcesByProject>('projects.data-sources.batch', IdsDto),
  createDataSource: contract<CreateDataSourceDto, DataSourceView>(
    'projects.data-sources.create',
    CreateDataSourceDto,
  ),
  getDataSource: contract<IdDto, DataSourceView>('projects.data-sources.get', IdDto),
  updateDataSource: contract<UpdateDataSourceDto, DataSourceView>(
    'projects.data-sources.update',
    UpdateDataSourceDto,
  ),
  deleteDataSource: contract<IdDto, Ok>('projects.data-sources.delete', IdDto),
  /**
   * data-tools (a trusted service call, never routed from the gateway): a version was committed, so
   * the data source is ready before its job reports success.
   */
  markDataSourceReady: contract<IdDto, Ok>('projects.data-sources.ready', IdDto),
  attachDataSource: contract<LinkDataSourceDto, DataSourceView>(
    'projects.data-sources.attach',
    LinkDataSourceDto,
  ),
  detachDataSource: contract<LinkDataSourceDto, Ok>(
    'projects.data-sources.detach',
    LinkDataSourceDto,
  ),
  checkAccess: contract<AccessCheckDto, AccessDecision>('projects.access.check', AccessCheckDto),
} as const;

export interface MembershipChangedV1 {
  projectId: string;
  userId: string;
  role: ProjectRole | null;
}

export interface ProjectDeletedV1 {
  projectId: string;
}

export const ProjectsEvents = {
  membershipChanged: event<MembershipChangedV1>('projects.memberships.changed.v1'),
  projectDeleted: event<ProjectDeletedV1>('projects.projects.deleted.v1'),
} as const;
