import type { ModuleParts } from '@hydroml/nest-kit';
import { Quality1764300000400 } from '../migrations/1764300000400-quality.js';
import { PreflightService } from './preflight/preflight.service.js';
import { ProfileJob } from './profile/profile.job.js';
import { ProfileService } from './profile/profile.service.js';
import { ProfilesRepository } from './profile/profiles.repository.js';
import { QualityHandler } from './quality.handler.js';

/** The quality area of data-tools: its handlers, providers, entities and migrations. */
export const qualityParts: ModuleParts = {
  controllers: [QualityHandler],
  providers: [PreflightService, ProfilesRepository, ProfileJob, ProfileService],
  migrations: [Quality1764300000400],
};
