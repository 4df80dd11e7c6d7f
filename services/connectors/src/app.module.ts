import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceKitModule } from '@hydroml/nest-kit';
import { BrowseHandler } from './browse/browse.handler.js';
import { BrowseService } from './browse/browse.service.js';
import { ConnectionsHandler } from './connections/connections.handler.js';
import { ConnectionsService } from './connections/connections.service.js';
import { SqliteFiles } from './connections/sqlite-files.js';
import { ConnectionEntity } from './connections/persistence/connection.entity.js';
import { ConnectorsEnv } from './connectors-env.js';
import { secretBoxProvider } from './crypto/secret-box.provider.js';
import { DB } from './db.js';
import { BaselineConnectors1764300000200 } from './migrations/1764300000200-baseline-connectors.js';
import { Connections1764300000300 } from './migrations/1764300000300-connections.js';
import { ImportJobs1764300000310 } from './migrations/1764300000310-import-jobs.js';
import { SqliteConnections1764300000320 } from './migrations/1764300000320-sqlite-connections.js';
import { JobEntity } from '@hydroml/jobs';
import { ImportJob } from './imports/import.job.js';
import { ImportsHandler } from './imports/imports.handler.js';
import { importsProviders } from './imports/imports.providers.js';
import { ImportsRuntime } from './imports/imports.runtime.js';
import { ImportsService } from './imports/imports.service.js';

const ENTITIES = [ConnectionEntity, JobEntity];

@Module({})
export class AppModule {
  static forRoot(env: ConnectorsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'connectors',
          env,
          entities: ENTITIES,
          migrations: [
            BaselineConnectors1764300000200,
            Connections1764300000300,
            ImportJobs1764300000310,
            SqliteConnections1764300000320,
          ],
        }),
        TypeOrmModule.forFeature(ENTITIES, DB),
      ],
      controllers: [ConnectionsHandler, BrowseHandler, ImportsHandler],
      providers: [
        secretBoxProvider,
        ...importsProviders,
        ConnectionsService,
        SqliteFiles,
        BrowseService,
        ImportJob,
        ImportsService,
        ImportsRuntime,
      ],
    };
  }
}
