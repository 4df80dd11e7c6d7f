import type { Provider } from '@nestjs/common';
import { jobsProviders, JobEntity } from '@hydroml/jobs';
import { loadEnv, BaseEnv, mergeParts, type ModuleParts } from '@hydroml/nest-kit';
import { blobStoreProvider } from '@hydroml/storage';
import { Training1764300000300 } from '../migrations/1764300000300-training.js';
import { GalleryDrafts } from '../gallery/gallery-drafts.js';
import { GalleryHandler } from '../gallery/gallery.handler.js';
import { GalleryService } from '../gallery/gallery.service.js';
import { Presets1764300000320 } from '../migrations/1764300000320-presets.js';
import { Gallery1764300000330 } from '../migrations/1764300000330-gallery.js';
import { ModelStore } from '../predictions/model-store.js';
import { PresetsHandler } from '../presets/presets.handler.js';
import { PresetsService } from '../presets/presets.service.js';
import { PredictJob } from '../predictions/predict.job.js';
import { PredictionsService } from '../predictions/predictions.service.js';
import { studiesParts } from '../studies/studies.parts.js';
import { BlobFiles } from './data/blob-files.js';
import { DuckEngines } from './data/duck-engines.js';
import { VersionReader } from './data/version-reader.js';
import { ExperimentsEnv } from './experiments-env.js';
import { ExperimentsJobsHandler } from './jobs/jobs.handler.js';
import { ExperimentsJobsRuntime } from './jobs/jobs.runtime.js';
import { TrainingsRepository } from './persistence/trainings.repository.js';
import { PreflightClient } from './preflight.client.js';
import { OutcomeLogger } from './tracking/outcome-logger.js';
import { RunRecorder } from './tracking/run-recorder.js';
import { TrainingExecutor } from './training-executor.js';
import { TrainingJob } from './training.job.js';
import { TrainingsHandler } from './trainings.handler.js';
import { TrainingsService } from './trainings.service.js';

/**
 * The service's settings as ExperimentsEnv: the instance main.ts loaded when it is one, else read
 * from the environment (a process started with BaseEnv still gets defaults it can run with).
 */
const envProvider: Provider = {
  provide: ExperimentsEnv,
  inject: [BaseEnv],
  useFactory: (base: BaseEnv) =>
    base instanceof ExperimentsEnv ? base : Object.assign(loadEnv(ExperimentsEnv), base),
};

const ownParts: ModuleParts = {
  controllers: [TrainingsHandler, ExperimentsJobsHandler, PresetsHandler, GalleryHandler],
  providers: [
    envProvider,
    ...jobsProviders('experiments', ExperimentsEnv),
    blobStoreProvider(ExperimentsEnv),
    BlobFiles,
    DuckEngines,
    VersionReader,
    PreflightClient,
    TrainingsRepository,
    RunRecorder,
    OutcomeLogger,
    TrainingExecutor,
    TrainingsService,
    TrainingJob,
    ModelStore,
    PredictionsService,
    PredictJob,
    PresetsService,
    GalleryService,
    GalleryDrafts,
    ExperimentsJobsRuntime,
  ],
  entities: [JobEntity],
  migrations: [Training1764300000300, Presets1764300000320, Gallery1764300000330],
};

/** Trainings, predictions and studies: handlers, providers and migrations. */
export const trainingParts: ModuleParts = mergeParts([ownParts, studiesParts]);
