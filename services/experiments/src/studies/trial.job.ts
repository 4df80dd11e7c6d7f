import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { trialValue, type Study, type Trial } from '@hydroml/hpo';
import { DomainError, type CallContext, type TrainingSpecDto } from '@hydroml/contracts';
import { isPermanentFailure, type JobContext } from '@hydroml/jobs';
import { logger } from '@hydroml/nest-kit';
import { uuidToHex } from '../tracking/domain/ids.js';
import { checkModelParams } from '../training/domain/model-params.js';
import type { TrainOutput } from '../training/domain/train-types.js';
import { RunRecorder, type RunHandle } from '../training/tracking/run-recorder.js';
import { callOf } from '../training/training-job.payload.js';
import { TrainingExecutor, type PreparedTraining } from '../training/training-executor.js';
import { TrainingStopped } from '../training/worker/run-training.js';
import { suggestModel } from './domain/search-space.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { PreparedCache } from './prepared-cache.js';
import { StudyFinisher } from './study-finisher.js';
import { StudyHpo } from './study-hpo.js';
import { StudyNudges } from './study-nudges.js';
import type { TrialJobPayload } from './study-payloads.js';
import { StudyScheduler } from './study-scheduler.js';

interface TrialContext {
  ctx: JobContext;
  call: CallContext;
  study: StudyRow;
  hpo: Study;
}

/**
 * One trial of a study as a job: ask (or, after a crash, retire the interrupted trial and re-ask
 * its parameters), train with the trial's model, report folds to the pruner, tell the objective,
 * log a nested MLflow run, then hand the next budget slot to the queue.
 */
@Injectable()
export class TrialJob {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly hpo: StudyHpo,
    private readonly executor: TrainingExecutor,
    private readonly recorder: RunRecorder,
    private readonly cache: PreparedCache,
    private readonly scheduler: StudyScheduler,
    private readonly finisher: StudyFinisher,
    private readonly nudges: StudyNudges,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as TrialJobPayload;
    const call = callOf(payload);
    const study = await this.studies.find(payload.studyId);
    if (!study) throw new DomainError('not_found', `study ${payload.studyId} not found`);
    let result: Record<string, unknown> = { studyId: study.id, skipped: true };
    const open =
      study.status === 'RUNNING' && !(study.deadline && new Date(study.deadline) <= new Date());
    try {
      if (open) {
        const hpo = await this.hpo.open(`study-${study.id}`, study.spec.request, ctx.job.id);
        result = await this.trial({ ctx, call, study, hpo });
      }
    } catch (error) {
      // A job that will not be retried still spends its slot, so the study can end.
      const last = isPermanentFailure(error) || ctx.attempt >= ctx.job.maxAttempts;
      if (!ctx.signal.aborted && last) await this.afterTrial(ctx, call, study);
      throw error;
    }
    await this.afterTrial(ctx, call, study);
    return result;
  }

  private async afterTrial(ctx: JobContext, call: CallContext, study: StudyRow): Promise<void> {
    await this.studies.settleSlot(ctx.job.id);
    await this.scheduler.next(call, study);
    this.nudges.send(study.id, 'trial');
    await this.finisher.finishIfDone(call, study.id);
  }

  /** Retires a trial this job started before its worker died, and queues its parameters again. */
  private async retire(t: TrialContext): Promise<void> {
    const running = await t.hpo.getTrials(['RUNNING']);
    for (const trial of running.filter((r) => r.systemAttrs.job_id === t.ctx.job.id)) {
      const reason = `its worker stopped (attempt ${t.ctx.attempt - 1}); retried as a new trial`;
      const { failed, runId } = await this.hpo.fail(t.hpo, trial, reason, { retried: true });
      if (!failed) continue; // it completed meanwhile: nothing to retry
      await t.hpo.enqueueTrial(trial.params);
      if (runId) await this.recorder.end({ runId, experimentNum: '', call: t.call }, 'FAILED');
    }
  }

  private async trial(t: TrialContext): Promise<Record<string, unknown>> {
    if (t.ctx.attempt > 1) await this.retire(t);
    const trial = await t.hpo.ask();
    const storage = this.hpo.storage;
    const trialId = await storage.getTrialIdFromNumber(t.study.id, trial.number);
    await storage.setTrialSystemAttr(trialId, 'job_id', t.ctx.job.id);
    await storage.setTrialSystemAttr(trialId, 'worker', `${hostname()}:${process.pid}`);
    const model = await suggestModel(trial, t.study.spec.request);
    const spec: TrainingSpecDto = { ...t.study.spec.request.spec, model };
    const run = await this.startRun(t, trial, spec);
    await storage.setTrialSystemAttr(trialId, 'run_id', run.runId);
    try {
      const prepared = await this.prepare(t, spec);
      const output = await this.fit(t, trial, prepared);
      const value = this.objective(t.study, output);
      await this.recorder.log(run, {
        metrics: Object.entries(output.mean).map(([key, v]) => ({ key, value: v, step: 0 })),
      });
      await this.executor.logOutcome(run, prepared, output);
      await t.hpo.tell(trial.number, value);
      await this.recorder.end(run, 'FINISHED');
      return { studyId: t.study.id, trial: trial.number, value };
    } catch (error) {
      return this.settleFailure(t, trial, run, error);
    }
  }

  private async settleFailure(t: TrialContext, trial: Trial, run: RunHandle, error: unknown) {
    if (t.ctx.signal.aborted) throw error; // cancelled or stopping: the job decides what follows
    const pruned = error instanceof TrainingStopped;
    const reason = error instanceof Error ? error.message : String(error);
    if (!pruned) {
      const id = await this.hpo.storage.getTrialIdFromNumber(t.study.id, trial.number);
      await this.hpo.storage.setTrialSystemAttr(id, 'fail_reason', reason.slice(0, 2000));
    }
    const told = await t.hpo.tell(trial.number, pruned ? 'PRUNED' : 'FAIL');
    await this.recorder.log(run, {
      tags: [{ key: 'hydroml.trial_state', value: told.state }],
    });
    await this.recorder.end(run, pruned ? 'KILLED' : 'FAILED');
    if (!pruned) logger().warn({ err: error, studyId: t.study.id }, 'trial failed');
    return { studyId: t.study.id, trial: trial.number, state: told.state, value: trialValue(told) };
  }

  private async startRun(t: TrialContext, trial: Trial, spec: TrainingSpecDto) {
    const run = await this.recorder.start(
      t.call,
      String(t.study.experiment_num),
      `${t.study.name}-trial-${trial.number}`,
      [
        { key: 'mlflow.parentRunId', value: uuidToHex(t.study.parent_run_id ?? '') },
        { key: 'hydroml.study_id', value: t.study.id },
        { key: 'hydroml.trial_number', value: String(trial.number) },
        { key: 'hydroml.model_type', value: spec.model.type },
      ],
    );
    await this.recorder.log(run, {
      params: Object.entries({ ...trial.currentParams, model_type: spec.model.type }).map(
        ([key, value]) => ({ key, value: String(value) }),
      ),
    });
    return run;
  }

  /** The study's data is read once per process (then cached); each trial only changes the model. */
  private async prepare(t: TrialContext, spec: TrainingSpecDto): Promise<PreparedTraining> {
    const base = await this.cache.get(t.study.id, () =>
      this.executor.prepare(t.call, t.study.spec.request.spec, t.study.spec.preflight),
    );
    const settings = base.input.settings;
    const params = checkModelParams(spec.model.type, settings.task, spec.model.params);
    const model = { type: spec.model.type, params };
    return {
      ...base,
      input: { ...base.input, settings: { ...settings, model, skipExplanations: true } },
      resolved: { ...base.resolved, settings: { ...settings, model } },
    };
  }

  private fit(t: TrialContext, trial: Trial, prepared: PreparedTraining): Promise<TrainOutput> {
    const metric = t.study.spec.metric;
    return this.executor.fit(prepared, {
      signal: t.ctx.signal,
      onEvent: async (event) => {
        if (event.type !== 'fold' || event.folds < 2) return 'continue' as const;
        const value = event.metrics[metric];
        if (value === undefined) return 'continue' as const;
        await trial.report(value, event.fold - 1);
        return (await trial.shouldPrune()) ? ('stop' as const) : ('continue' as const);
      },
    });
  }

  private objective(study: StudyRow, output: TrainOutput): number {
    const value = output.mean[study.spec.metric];
    if (value === undefined || !Number.isFinite(value)) {
      throw new DomainError('failed_precondition', `metric ${study.spec.metric} was not computed`);
    }
    return value;
  }
}
