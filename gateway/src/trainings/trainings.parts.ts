import type { ModuleParts } from '@hydroml/nest-kit';

/** The gateway's trainings routes: REST controllers, GraphQL resolvers and their services. */
export const trainingsParts: ModuleParts = {};
