import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AskedTrial,
  type CallContext,
  type Page,
  type RegisterStudyBestDto,
  type StartStudyDto,
  type StudyAccepted,
  type StudyView,
  type TellStudyDto,
  type TrialView,
} from '@hydroml/contracts';
import { HpoError } from '@hydroml/hpo';
import { ProjectAccessService } from '../access/project-access.service.js';
import { hexToUuid } from '../tracking/domain/ids.js';
import { metricNames } from '../training/domain/metric-set.js';
import { RunRecorder } from '../training/tracking/run-recorder.js';
import { PreflightClient } from '../training/preflight.client.js';
import { suggestModel, trialBudget, validateSearch } from './domain/search-space.js';
import { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { bestModelOf } from './best-model.js';
import { StudyHpo } from './study-hpo.js';
import { MAXIMIZED } from './study-payloads.js';
import { StudyCanceller } from './study-canceller.js';
import { StudyNudges } from './study-nudges.js';
import { StudyRegistrar } from './study-registrar.js';
import { StudyScheduler } from './study-scheduler.js';
import { bestTrial, toStudyView, toTrialView } from './study-view.js';

/** Studies: a training spec tuned by trials that run as jobs, plus external ask/tell. */
@Injectable()
export class StudiesService {
  constructor(
    private readonly access: ProjectAccessService,
    private readonly preflight: PreflightClient,
    private readonly storage: PgHpoStorage,
    private readonly studies: StudiesRepository,
    private readonly hpo: StudyHpo,
    private readonly recorder: RunRecorder,
    private readonly scheduler: StudyScheduler,
    private readonly nudges: StudyNudges,
    private readonly canceller: StudyCanceller,
    private readonly registrar: StudyRegistrar,
  ) {}

  async start(call: CallContext, dto: StartStudyDto): Promise<StudyAccepted> {
    const notFound = `Project ${dto.projectId} not found`;
    const principal = await this.access.require(call, dto.projectId, 'write', notFound);
    const { projectId, ...request } = dto;
    validateSearch(request);
    const checked = await this.preflight.check(call, request.spec);
    const task = request.spec.task ?? checked?.task ?? 'regression';
    const metric = request.metric ?? (task === 'regression' ? 'r2' : 'accuracy');
    if (!metricNames(task).includes(metric)) {
      throw new DomainError('invalid_argument', `metric ${metric} is not a ${task} metric`);
    }
    const direction = request.direction ?? (MAXIMIZED.has(metric) ? 'maximize' : 'minimize');
    const record = await this.storage.createStudy([direction]);
    const name = request.name ?? `study-${record.studyId.slice(0, 8)}`;
    const experimentNum = await this.recorder.experiment(
      projectId,
      request.experimentName ?? 'Studies',
    );
    const parent = await this.recorder.start(call, experimentNum, name, [
      { key: 'hydroml.study_id', value: record.studyId },
      { key: 'hydroml.data_source_id', value: request.spec.dataSourceId },
      { key: 'hydroml.data_version', value: String(request.spec.version) },
    ]);
    await this.recorder.log(parent, {
      params: [
        { key: 'metric', value: metric },
        { key: 'direction', value: direction },
        { key: 'sampler', value: request.sampler?.type ?? 'tpe' },
        { key: 'search_space', value: JSON.stringify(request.search).slice(0, 5900) },
      ],
    });
    const nTrials = trialBudget(request);
    const parallelism = Math.min(request.parallelism ?? 1, nTrials);
    await this.studies.insert({
      id: record.studyId,
      ...{ projectId, name, nTrials, parallelism, experimentNum, createdBy: principal.userId },
      config: { request, metric, direction, preflight: checked },
      timeoutSeconds: request.budget.timeoutSeconds ?? null,
      parentRunId: hexToUuid(parent.runId)!,
    });
    const jobs = await this.scheduler.next(
      call,
      { id: record.studyId, project_id: projectId },
      parallelism,
    );
    return { study: await this.get(call, record.studyId), jobs };
  }

  async load(call: CallContext, id: string, action: 'read' | 'write'): Promise<StudyRow> {
    const row = await this.studies.find(id);
    const message = `study ${id} not found`;
    if (!row) throw new DomainError('not_found', message);
    await this.access.require(call, row.project_id, action, message);
    return row;
  }

  async get(call: CallContext, id: string): Promise<StudyView> {
    const row = await this.load(call, id, 'read');
    return toStudyView(row, await this.storage.getAllTrials(row.id));
  }

  async list(call: CallContext, projectId: string): Promise<Page<StudyView>> {
    await this.access.require(call, projectId, 'read', `Project ${projectId} not found`);
    const rows = await this.studies.byProject(projectId);
    const items = await Promise.all(
      rows.map(async (row) => toStudyView(row, await this.storage.getAllTrials(row.id))),
    );
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  /** An external worker's trial: parameters from the study's sampler and search space. */
  async ask(call: CallContext, id: string): Promise<AskedTrial> {
    const row = await this.open(call, id);
    const hpo = await this.hpo.open(`study-${row.id}`, row.spec.request, `ask-${Date.now()}`);
    const trial = await hpo.ask();
    const trialId = await this.storage.getTrialIdFromNumber(row.id, trial.number);
    await this.storage.setTrialSystemAttr(trialId, 'external', true);
    await suggestModel(trial, row.spec.request);
    return { trialNumber: trial.number, params: { ...trial.currentParams } };
  }

  async tell(call: CallContext, dto: TellStudyDto): Promise<TrialView> {
    const row = await this.open(call, dto.id);
    const state = dto.state ?? 'COMPLETE';
    if (state === 'COMPLETE' && dto.value === undefined) {
      throw new DomainError('invalid_argument', 'a COMPLETE trial needs a value');
    }
    const hpo = await this.hpo.open(`study-${row.id}`, row.spec.request, 'tell');
    try {
      const told = await hpo.tell(dto.trialNumber, state === 'COMPLETE' ? dto.value! : state);
      this.nudges.send(row.id, 'trial');
      return toTrialView(told);
    } catch (error) {
      if (error instanceof HpoError) {
        const code = error.code === 'NOT_FOUND' ? 'not_found' : 'failed_precondition';
        throw new DomainError(code, error.message);
      }
      throw error;
    }
  }

  /** Editors stop a running study; what it completed stays (412 once it has ended). */
  async cancel(call: CallContext, id: string): Promise<StudyView> {
    await this.canceller.cancel(call, await this.open(call, id));
    return this.get(call, id);
  }

  /**
   * Registers the best trial's model of an ended study (editors): 412 while it runs, when no trial
   * completed or the best one was external (no model), 409 once it is registered.
   */
  async register(call: CallContext, dto: RegisterStudyBestDto): Promise<StudyView> {
    const row = await this.load(call, dto.id, 'write');
    const trials = await this.storage.getAllTrials(row.id);
    const trial = bestTrial(row, trials);
    const best = bestModelOf(row, trial);
    if (best.status === 'registered') {
      const { name, version } = best.registered!;
      throw new DomainError(
        'conflict',
        `the best model is already registered as ${name} v${version}`,
      );
    }
    if (!best.registrable) {
      const why = row.status === 'RUNNING' ? `study ${row.id} is still RUNNING` : best.reason;
      throw new DomainError('failed_precondition', `cannot register the best model: ${why}`);
    }
    const registered = await this.registrar.register(
      call,
      row,
      trial!.systemAttrs.run_id as string,
      dto,
    );
    // the stored result merged as setResult merges it: no need to read the study again
    return toStudyView({ ...row, result: { ...row.result, registered } }, trials);
  }

  private async open(call: CallContext, id: string): Promise<StudyRow> {
    const row = await this.load(call, id, 'write');
    if (row.status !== 'RUNNING') {
      throw new DomainError('failed_precondition', `study ${id} is ${row.status}`);
    }
    return row;
  }
}
