import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AccessAction,
  type CallContext,
  type CreateRunDto,
  type RunInfoView,
  type RunView,
  type UpdateRunDto,
} from '@hydroml/contracts';
import { ProjectAccessService } from '../access/project-access.service.js';
import { ExperimentsService } from '../experiments/experiments.service.js';
import { runIdOf, uuidToHex } from '../tracking/domain/ids.js';
import { checkLength, LIMITS, validateTag } from '../tracking/domain/limits.js';
import { generateRunName } from '../tracking/domain/run-names.js';
import { toRunInfo, toRunView, type RunRow } from './persistence/run.row.js';
import { RunsRepository } from './persistence/runs.repository.js';

export const RUN_NAME_TAG = 'mlflow.runName';

/** Run lifecycle: create, read, update, delete, restore. */
@Injectable()
export class RunsService {
  constructor(
    private readonly runs: RunsRepository,
    private readonly experiments: ExperimentsService,
    private readonly access: ProjectAccessService,
  ) {}

  /** The run's row if the caller may `action` on it; a write also needs an active run. */
  async load(
    call: CallContext,
    dto: { run_id?: string; run_uuid?: string },
    action: AccessAction,
  ): Promise<RunRow> {
    const id = runIdOf(dto);
    const message = `Run with id=${uuidToHex(id)} not found`;
    const row = await this.runs.head(id);
    if (!row) throw new DomainError('not_found', message);
    await this.access.require(call, row.project_id, action, message);
    if (action !== 'read' && row.lifecycle_stage !== 'active') {
      throw new DomainError(
        'invalid_argument',
        `The run ${uuidToHex(id)} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`,
      );
    }
    return row;
  }

  async create(call: CallContext, dto: CreateRunDto): Promise<RunView> {
    const experiment = await this.experiments.load(call, dto.experiment_id, 'write');
    if (experiment.lifecycle_stage !== 'active') {
      throw new DomainError(
        'invalid_argument',
        `The experiment ${dto.experiment_id} must be in the 'active' state. Current state is ${experiment.lifecycle_stage}.`,
      );
    }
    const given = new Map((dto.tags ?? []).map((tag) => [tag.key, tag.value]));
    const name = dto.run_name || given.get(RUN_NAME_TAG) || generateRunName();
    checkLength('Run name', LIMITS.keyLength, name);
    given.set(RUN_NAME_TAG, name);
    const tags = [...given].map(([key, value]) => ({ key, value }));
    tags.forEach(validateTag);
    const id = randomUUID();
    const row: RunRow = {
      id,
      experiment_num: experiment.num,
      project_id: experiment.project_id,
      name,
      user_id: call.principal?.username ?? dto.user_id ?? '',
      status: 'RUNNING',
      start_time: String(dto.start_time ?? Date.now()),
      end_time: null,
      artifact_uri: `${experiment.artifact_location}/${uuidToHex(id)}/artifacts`,
      lifecycle_stage: 'active',
    };
    await this.runs.create({
      id,
      experimentId: experiment.id,
      name,
      userId: row.user_id,
      startTime: Number(row.start_time),
      artifactUri: row.artifact_uri,
      tags,
    });
    return toRunView({ ...row, metrics: [], params: [], tags, dataset_inputs: [] });
  }

  async get(call: CallContext, dto: { run_id?: string; run_uuid?: string }): Promise<RunView> {
    const head = await this.load(call, dto, 'read');
    const row = await this.runs.withData(head.id);
    if (!row) throw new DomainError('not_found', `Run with id=${uuidToHex(head.id)} not found`);
    return toRunView(row);
  }

  async update(call: CallContext, dto: UpdateRunDto): Promise<RunInfoView> {
    const row = await this.load(call, dto, 'write');
    if (dto.run_name !== undefined) checkLength('Run name', LIMITS.keyLength, dto.run_name);
    const name = dto.run_name || undefined;
    await this.runs.update(row.id, { status: dto.status, endTime: dto.end_time, name });
    return toRunInfo({
      ...row,
      status: dto.status ?? row.status,
      end_time: dto.end_time !== undefined ? String(dto.end_time) : row.end_time,
      name: name ?? row.name,
    });
  }

  async setLifecycle(
    call: CallContext,
    dto: { run_id?: string; run_uuid?: string },
    stage: 'active' | 'deleted',
  ): Promise<void> {
    const row = await this.load(call, dto, stage === 'deleted' ? 'write' : 'read');
    if (stage === 'active') await this.access.require(call, row.project_id, 'write', '');
    await this.runs.setLifecycle(row.id, stage);
  }
}
