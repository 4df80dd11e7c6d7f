import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceKitModule } from '@hydroml/nest-kit';
import { BrowseHandler } from './browse/browse.handler.js';
import { BrowseService } from './browse/browse.service.js';
import { ConnectionsHandler } from './connections/connections.handler.js';
import { ConnectionsService } from './connections/connections.service.js';
import { ConnectionEntity } from './connections/persistence/connection.entity.js';
import { ConnectorsEnv } from './connectors-env.js';
import { secretBoxProvider } from './crypto/secret-box.provider.js';
import { DB } from './db.js';
import { BaselineConnectors1764300000200 } from './migrations/1764300000200-baseline-connectors.js';
import { Connections1764300000300 } from './migrations/1764300000300-connections.js';

const ENTITIES = [ConnectionEntity];

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
          migrations: [BaselineConnectors1764300000200, Connections1764300000300],
        }),
        TypeOrmModule.forFeature(ENTITIES, DB),
      ],
      controllers: [ConnectionsHandler, BrowseHandler],
      providers: [secretBoxProvider, ConnectionsService, BrowseService],
    };
  }
}
