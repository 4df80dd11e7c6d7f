import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DB } from './db.js';
import { BaseEnv, ServiceKitModule } from '@hydroml/nest-kit';
import { AccessHandler } from './access/access.handler.js';
import { AccessService } from './access/access.service.js';
import { DataSourcesHandler } from './data-sources/data-sources.handler.js';
import { DataSourcesRepository } from './data-sources/data-sources.repository.js';
import { DataSourcesService } from './data-sources/data-sources.service.js';
import { DataSourceEntity } from './data-sources/persistence/data-source.entity.js';
import { ProjectDataSourceEntity } from './data-sources/persistence/project-data-source.entity.js';
import { MembersHandler } from './members/members.handler.js';
import { MembersService } from './members/members.service.js';
import { InitProjects1764300000100 } from './migrations/1764300000100-init-projects.js';
import { FavoriteEntity } from './projects/persistence/favorite.entity.js';
import { MembershipEntity } from './projects/persistence/membership.entity.js';
import { ProjectEntity } from './projects/persistence/project.entity.js';
import { ProjectsHandler } from './projects/projects.handler.js';
import { ProjectsRepository } from './projects/projects.repository.js';
import { ProjectsService } from './projects/projects.service.js';

const ENTITIES = [
  ProjectEntity,
  MembershipEntity,
  FavoriteEntity,
  DataSourceEntity,
  ProjectDataSourceEntity,
];

@Module({})
export class AppModule {
  static forRoot(env: BaseEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'projects',
          env,
          entities: ENTITIES,
          migrations: [InitProjects1764300000100],
        }),
        TypeOrmModule.forFeature(ENTITIES, DB),
      ],
      controllers: [ProjectsHandler, MembersHandler, DataSourcesHandler, AccessHandler],
      providers: [
        AccessService,
        ProjectsRepository,
        ProjectsService,
        MembersService,
        DataSourcesRepository,
        DataSourcesService,
      ],
    };
  }
}
