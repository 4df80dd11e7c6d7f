import type { ModuleParts } from '@hydroml/nest-kit';

/** The gateway's grid routes: REST controllers, GraphQL resolvers and their services. */
export const gridParts: ModuleParts = {};
