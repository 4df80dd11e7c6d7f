import type { ModuleParts } from '@hydroml/nest-kit';
import { StudySlots1764300000310 } from '../migrations/1764300000310-study-slots.js';
import { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudiesRepository } from './persistence/studies.repository.js';
import { PreparedCache } from './prepared-cache.js';
import { StudiesHandler } from './studies.handler.js';
import { StudiesService } from './studies.service.js';
import { StudyCanceller } from './study-canceller.js';
import { StudyFinisher } from './study-finisher.js';
import { StudyHpo } from './study-hpo.js';
import { StudyNudges } from './study-nudges.js';
import { StudyRegistrar } from './study-registrar.js';
import { StudyScheduler } from './study-scheduler.js';
import { TrialJob } from './trial.job.js';

/** Studies: PostgreSQL HPO storage, trial jobs, ask/tell. */
export const studiesParts: ModuleParts = {
  controllers: [StudiesHandler],
  providers: [
    PgHpoStorage,
    StudiesRepository,
    StudyHpo,
    PreparedCache,
    StudyScheduler,
    StudyRegistrar,
    StudyFinisher,
    StudyNudges,
    StudyCanceller,
    StudiesService,
    TrialJob,
  ],
  migrations: [StudySlots1764300000310],
};
