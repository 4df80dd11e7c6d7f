import type { ModuleParts } from '@hydroml/nest-kit';
import { Quality1764300000400 } from '../migrations/1764300000400-quality.js';
import { PreflightService } from './preflight/preflight.service.js';
import { ProfileJob } from './profile/profile.job.js';
import { ProfileService } from './profile/profile.service.js';
import { ProfilesRepository } from './profile/profiles.repository.js';
import { QualityHandler } from './quality.handler.js';
import { SuitesHandler } from './suites.handler.js';
import { AutoValidation } from './suites/auto-validation.js';
import { SuitesRepository } from './suites/suites.repository.js';
import { SuitesService } from './suites/suites.service.js';
import { ValidationJob } from './suites/validation.job.js';
import { ValidationsRepository } from './suites/validations.repository.js';
import { ValidationsService } from './suites/validations.service.js';

/** The quality area of data-tools: its handlers, providers, entities and migrations. */
export const qualityParts: ModuleParts = {
  controllers: [QualityHandler, SuitesHandler],
  providers: [
    ...[PreflightService, ProfilesRepository, ProfileJob, ProfileService],
    ...[SuitesRepository, ValidationsRepository, SuitesService, ValidationsService],
    ...[ValidationJob, AutoValidation],
  ],
  migrations: [Quality1764300000400],
};
