import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JobWorker } from '@hydroml/jobs';
import { PREDICT_JOB, PredictJob } from '../../predictions/predict.job.js';
import { STUDY_TRIAL_JOB } from '../../studies/study-payloads.js';
import { TrialJob } from '../../studies/trial.job.js';
import { TRAINING_JOB } from '../training-job.payload.js';
import { TrainingJob } from '../training.job.js';

/** Registers the experiments service's job kinds and runs this replica's job worker. */
@Injectable()
export class ExperimentsJobsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: JobWorker,
    private readonly training: TrainingJob,
    private readonly predict: PredictJob,
    private readonly trial: TrialJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker.register(TRAINING_JOB, (ctx) => this.training.run(ctx));
    this.worker.register(PREDICT_JOB, (ctx) => this.predict.run(ctx));
    this.worker.register(STUDY_TRIAL_JOB, (ctx) => this.trial.run(ctx));
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
