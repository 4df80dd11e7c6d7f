import type { ModuleParts } from '@hydroml/nest-kit';
import { GridController } from './grid.controller.js';
import { ChartsController } from './charts.controller.js';
import { GridResolver } from './grid.resolver.js';
import { SqlController } from './sql.controller.js';

/** The gateway's grid routes: REST controllers, GraphQL resolvers and their services. */
export const gridParts: ModuleParts = {
  controllers: [GridController, SqlController, ChartsController],
  providers: [GridResolver],
};
