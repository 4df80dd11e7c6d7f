import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type KeyValue,
  type StartTrainingDto,
} from '@hydroml/contracts';
import { JobCancelledError, type JobContext } from '@hydroml/jobs';
import { logger } from '@hydroml/nest-kit';
import { hexToUuid, uuidToHex } from '../tracking/domain/ids.js';
import { canonicalJson, specHash } from './domain/spec-hash.js';
import { progressOf } from './domain/train-progress.js';
import { TrainingsRepository, type TrainingRow } from './persistence/trainings.repository.js';
import { RunRecorder, type RunHandle } from './tracking/run-recorder.js';
import { callOf, type TrainingJobPayload } from './training-job.payload.js';
import { TrainingExecutor } from './training-executor.js';

export function startTags(row: TrainingRow, spec: StartTrainingDto): KeyValue[] {
  const recipe = canonicalJson(spec.recipe ?? []);
  return [
    { key: 'mlflow.source.type', value: 'JOB' },
    { key: 'mlflow.source.name', value: 'hydroml-training' },
    { key: 'hydroml.training_id', value: row.id },
    { key: 'hydroml.data_source_id', value: spec.dataSourceId },
    { key: 'hydroml.data_version', value: String(spec.version) },
    { key: 'hydroml.recipe', value: recipe.slice(0, 7900) },
    { key: 'hydroml.recipe_hash', value: specHash(spec.recipe ?? []) },
    { key: 'hydroml.spec_hash', value: row.spec_hash },
    { key: 'hydroml.model_type', value: spec.model.type },
    { key: 'hydroml.preflight_warnings', value: JSON.stringify(row.warnings).slice(0, 7900) },
  ];
}

/** The `training` job: one training spec -> one MLflow run, FINISHED or FAILED with the reason. */
@Injectable()
export class TrainingJob {
  constructor(
    private readonly trainings: TrainingsRepository,
    private readonly recorder: RunRecorder,
    private readonly executor: TrainingExecutor,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as TrainingJobPayload;
    const call = callOf(payload);
    const row = await this.trainings.find(payload.trainingId);
    if (!row) throw new DomainError('not_found', `training ${payload.trainingId} not found`);
    const spec = row.spec as unknown as StartTrainingDto;
    const run = await this.openRun(call, row, spec);
    try {
      await ctx.progress(0.02, 'reading data');
      const prepared = await this.executor.prepare(call, spec, payload.preflight);
      await this.trainings.started(
        row.id,
        hexToUuid(run.runId)!,
        run.experimentNum,
        prepared.resolved.task,
      );
      ctx.throwIfCancelled();
      await ctx.progress(0.1, `training on ${prepared.input.target.length} rows`);
      const output = await this.executor.execute(run, spec, prepared, {
        signal: ctx.signal,
        onEvent: async (event) => {
          const { fraction, message } = progressOf(event);
          await ctx.progress(fraction, message);
          return 'continue' as const;
        },
      });
      await this.recorder.end(run, 'FINISHED');
      await this.trainings.finished(row.id, 'FINISHED', { metrics: output.test });
      return { trainingId: row.id, runId: run.runId, metrics: output.test };
    } catch (error) {
      await this.fail(ctx, row, run, error);
      throw error;
    }
  }

  private async openRun(call: CallContext, row: TrainingRow, spec: StartTrainingDto) {
    const experimentNum = await this.recorder.experiment(
      row.project_id,
      spec.experimentName ?? 'Trainings',
    );
    if (row.run_id) {
      // A retried job continues its run (params are write-once and the same).
      const run = { runId: uuidToHex(row.run_id), experimentNum, call };
      await this.recorder.end(run, 'RUNNING');
      return run;
    }
    const run = await this.recorder.start(call, experimentNum, spec.runName, startTags(row, spec));
    await this.trainings.started(
      row.id,
      hexToUuid(run.runId)!,
      experimentNum,
      spec.task ?? 'regression',
    );
    return run;
  }

  private async fail(ctx: JobContext, row: TrainingRow, run: RunHandle, error: unknown) {
    const cancelled = ctx.signal.aborted && ctx.signal.reason instanceof JobCancelledError;
    if (ctx.signal.aborted && !cancelled) return; // the worker is stopping: the job comes back
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.recorder.log(run, {
        tags: [{ key: 'hydroml.error', value: message.slice(0, 7900) }],
      });
      await this.recorder.end(run, cancelled ? 'KILLED' : 'FAILED');
      await this.trainings.finished(row.id, cancelled ? 'CANCELLED' : 'FAILED', { error: message });
    } catch (cleanup) {
      logger().error({ err: cleanup, trainingId: row.id }, 'could not record a failed training');
    }
  }
}
