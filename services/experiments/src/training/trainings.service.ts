import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type StartTrainingDto,
  type TrainingAccepted,
  type TrainingSpecDto,
  type TrainingView,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { requireScope } from '@hydroml/nest-kit';
import { ProjectAccessService } from '../access/project-access.service.js';
import { PresetsService } from '../presets/presets.service.js';
import { specHash } from './domain/spec-hash.js';
import { toTrainingView, TrainingsRepository } from './persistence/trainings.repository.js';
import { PreflightClient } from './preflight.client.js';
import { TRAINING_JOB, type TrainingJobPayload } from './training-job.payload.js';

/** The reproducible part of a request: what data, what model, how validated. */
export function trainingSpec(dto: StartTrainingDto): TrainingSpecDto {
  const spec: Record<string, unknown> = { ...dto };
  for (const key of ['projectId', 'experimentName', 'runName']) delete spec[key];
  return JSON.parse(JSON.stringify(spec)) as TrainingSpecDto;
}

/** The principal and correlation id a job acts with (no deadline: jobs outlive requests). */
export function jobCall(
  call: CallContext,
): Pick<TrainingJobPayload, 'principal' | 'correlationId'> {
  return { principal: requireScope(call, 'write'), correlationId: call.correlationId };
}

@Injectable()
export class TrainingsService {
  constructor(
    private readonly access: ProjectAccessService,
    private readonly preflight: PreflightClient,
    private readonly trainings: TrainingsRepository,
    private readonly queue: JobQueue,
    private readonly presets: PresetsService,
  ) {}

  async start(call: CallContext, dto: StartTrainingDto): Promise<TrainingAccepted> {
    const principal = await this.access.require(
      call,
      dto.projectId,
      'write',
      `Project ${dto.projectId} not found`,
    );
    const spec = await this.withPreset(call, trainingSpec(dto));
    const checked = await this.preflight.check(call, spec);
    const id = randomUUID();
    const jobId = randomUUID();
    await this.trainings.insert({
      id,
      projectId: dto.projectId,
      jobId,
      modelType: spec.model.type,
      task: spec.task ?? checked?.task ?? null,
      spec: { ...spec, experimentName: dto.experimentName, runName: dto.runName },
      specHash: specHash(spec),
      warnings: checked?.warnings ?? [],
      createdBy: principal.userId,
    });
    const payload: TrainingJobPayload = { trainingId: id, preflight: checked, ...jobCall(call) };
    const job = await this.queue.enqueue(
      TRAINING_JOB,
      { ...payload },
      {
        id: jobId,
        resource: { type: 'project', id: dto.projectId },
        createdBy: principal.userId,
      },
    );
    return { training: await this.get(call, id), job };
  }

  /** The preset's hyperparameters under the spec's own (same model type only). */
  private async withPreset(call: CallContext, spec: TrainingSpecDto): Promise<TrainingSpecDto> {
    if (!spec.presetId) return spec;
    const preset = await this.presets.resolve(call, spec.presetId);
    if (preset.modelType !== spec.model.type) {
      throw new DomainError(
        'invalid_argument',
        `preset '${preset.name}' is for ${preset.modelType}, not ${spec.model.type}`,
      );
    }
    return {
      ...spec,
      model: { ...spec.model, params: { ...preset.params, ...spec.model.params } },
    };
  }

  async get(call: CallContext, id: string): Promise<TrainingView> {
    const row = await this.trainings.find(id);
    const message = `training ${id} not found`;
    if (!row) throw new DomainError('not_found', message);
    await this.access.require(call, row.project_id, 'read', message);
    return toTrainingView(row);
  }
}
