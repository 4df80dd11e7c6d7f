import type { ModuleParts } from '@hydroml/nest-kit';

/** The gateway's quality routes: REST controllers, GraphQL resolvers and their services. */
export const qualityParts: ModuleParts = {};
