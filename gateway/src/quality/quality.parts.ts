import type { ModuleParts } from '@hydroml/nest-kit';
import { ProfileController } from './profile.controller.js';
import { QualityResolver } from './quality.resolver.js';
import { SuitesController } from './suites.controller.js';

/** The gateway's quality routes: REST controllers, GraphQL resolvers and their services. */
export const qualityParts: ModuleParts = {
  controllers: [ProfileController, SuitesController],
  providers: [QualityResolver],
};
