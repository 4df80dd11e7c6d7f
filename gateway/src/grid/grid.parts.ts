import type { ModuleParts } from '@hydroml/nest-kit';
import { GridController } from './grid.controller.js';

/** The gateway's grid routes: REST controllers, GraphQL resolvers and their services. */
export const gridParts: ModuleParts = {
  controllers: [GridController],
};
