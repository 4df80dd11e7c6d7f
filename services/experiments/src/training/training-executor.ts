import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ColumnSchema,
  type PreflightResult,
  type TrainingSpecDto,
} from '@hydroml/contracts';
import type { Step } from '@hydroml/recipes';
import { readTrainInput, resolveSpec, type ResolvedSpec } from './data/training-data.js';
import { VersionReader } from './data/version-reader.js';
import type { TrainEvent, TrainInput, TrainOutput } from './domain/train-types.js';
import { ExperimentsEnv } from './experiments-env.js';
import { OutcomeLogger } from './tracking/outcome-logger.js';
import type { RunHandle } from './tracking/run-recorder.js';
import {
  coolTrainingWorker,
  runTraining,
  TrainingFailed,
  warmTrainingWorker,
  type EventAnswer,
} from './worker/run-training.js';

export interface PreparedTraining {
  input: TrainInput;
  resolved: ResolvedSpec;
  /** The recipe's steps as fitted (store these to apply the same numbers at prediction). */
  recipe: Step[];
  /** The version's columns the recipe starts from (JSON rows sent to predict are read as these). */
  inputSchema: ColumnSchema[];
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  onEvent?: (event: TrainEvent) => Promise<EventAnswer> | EventAnswer;
  /** The model file as soon as the final fit is scored (see RunTrainingOptions.onModel). */
  onModel?: (model: Uint8Array) => Promise<void>;
}

/** Reads the data, fits in a worker thread and logs the outcome on a run: trainings and trials. */
@Injectable()
export class TrainingExecutor implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly reader: VersionReader,
    private readonly logger: OutcomeLogger,
    private readonly env: ExperimentsEnv,
  ) {}

  /** A training worker waits, started and loaded, for the first training. */
  onModuleInit(): void {
    warmTrainingWorker();
  }

  onModuleDestroy(): Promise<void> {
    return coolTrainingWorker();
  }

  async prepare(
    call: CallContext,
    spec: TrainingSpecDto,
    preflight: PreflightResult | null,
  ): Promise<PreparedTraining> {
    return this.reader.with(call, spec, async (opened) => {
      const resolved = await resolveSpec(opened, spec, preflight, this.env.TRAINING_THREADS);
      const input = await readTrainInput(opened, resolved);
      const inputSchema = opened.location.schema;
      return { input, resolved, recipe: opened.recipe.steps, inputSchema };
    });
  }

  async fit(prepared: PreparedTraining, options: ExecuteOptions = {}): Promise<TrainOutput> {
    return runTraining(prepared.input, options).catch((error: unknown) => {
      if (error instanceof TrainingFailed) {
        throw new DomainError('failed_precondition', `training failed: ${error.message}`);
      }
      throw error;
    });
  }

  logOutcome(run: RunHandle, prepared: PreparedTraining, output: TrainOutput): Promise<void> {
    return this.logger.outcome(run, prepared, output);
  }

  async execute(
    run: RunHandle,
    spec: TrainingSpecDto,
    prepared: PreparedTraining,
    options: ExecuteOptions = {},
  ): Promise<TrainOutput> {
    // the params do not depend on the fit: they are written while it runs (a fit's failure wins)
    const [params, fitted] = await Promise.allSettled([
      this.logger.params(run, spec, prepared.resolved),
      this.fit(prepared, { ...options, onModel: (model) => this.logger.model(run, model) }),
    ]);
    if (fitted.status === 'rejected') throw fitted.reason;
    if (params.status === 'rejected') throw params.reason;
    await this.logger.outcome(run, prepared, fitted.value, true);
    return fitted.value;
  }
}
