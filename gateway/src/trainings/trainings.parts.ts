import type { ModuleParts } from '@hydroml/nest-kit';
import { TrainingsController } from './trainings.controller.js';

/** The gateway's trainings routes: REST controllers, GraphQL resolvers and their services. */
export const trainingsParts: ModuleParts = {
  controllers: [TrainingsController],
};
