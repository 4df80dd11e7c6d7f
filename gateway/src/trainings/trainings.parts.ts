import type { ModuleParts } from '@hydroml/nest-kit';
import { DraftsResolver } from './drafts.resolver.js';
import { GalleryController } from './gallery.controller.js';
import { PresetsController } from './presets.controller.js';
import { StudiesController } from './studies.controller.js';
import { TrainingsController } from './trainings.controller.js';
import { StudyEvents } from './study-events.js';
import { TrainingsResolver } from './trainings.resolver.js';

/** The gateway's trainings routes: REST controllers, GraphQL resolvers and their services. */
export const trainingsParts: ModuleParts = {
  controllers: [TrainingsController, StudiesController, PresetsController, GalleryController],
  providers: [TrainingsResolver, DraftsResolver, StudyEvents],
};
