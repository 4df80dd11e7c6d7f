import type { ModuleParts } from '@hydroml/nest-kit';

/** The gateway's sessions routes: REST controllers, GraphQL resolvers and their services. */
export const sessionsParts: ModuleParts = {};
