import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type HtmlReport,
  type JobView,
  type SuiteView,
  type ValidateSuiteDto,
  type ValidationHistory,
  type ValidationHistoryDto,
  type ValidationSummary,
  type ValidationView,
  type VersionQualityScore,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { AccessClient } from '../../access/access.client.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { renderValidationReport } from '../report/validation-report.js';
import { SuitesRepository } from './suites.repository.js';
import { VALIDATE_JOB, type ValidatePayload } from './validation.job.js';
import { ValidationsRepository } from './validations.repository.js';

const DEFAULT_SAMPLE = 20;

/** Validation runs: queue (a job whose id is the run's id), read, report, history and scores. */
@Injectable()
export class ValidationsService {
  constructor(
    private readonly access: AccessClient,
    private readonly suites: SuitesRepository,
    private readonly validations: ValidationsRepository,
    private readonly versions: VersionsRepository,
    private readonly queue: JobQueue,
  ) {}

  async validate(call: CallContext, dto: ValidateSuiteDto): Promise<JobView> {
    const suite = await this.suites.find(dto.suiteId);
    if (!suite) throw new DomainError('not_found', 'suite not found');
    const resource = { type: 'data_source' as const, id: suite.dataSourceId };
    const principal = await this.access.require(call, resource, 'read');
    if (!(await this.versions.find(suite.dataSourceId, dto.version))) {
      throw new DomainError('not_found', `version ${dto.version} not found`);
    }
    return this.enqueue(suite, dto.version, 'manual', principal, dto.sampleSize ?? DEFAULT_SAMPLE);
  }

  async enqueue(
    suite: SuiteView,
    version: number,
    trigger: 'manual' | 'auto',
    createdBy: string | null,
    sampleSize: number,
  ): Promise<JobView> {
    const id = randomUUID();
    const dataSourceId = suite.dataSourceId;
    await this.validations.insert({
      id,
      suiteId: suite.id,
      dataSourceId,
      version,
      trigger,
      createdBy,
    });
    const payload: ValidatePayload = {
      validationId: id,
      suiteId: suite.id,
      dataSourceId,
      version,
      sampleSize,
    };
    try {
      return await this.queue.enqueue(
        VALIDATE_JOB,
        { ...payload },
        {
          ...{ id, resource: { type: 'data_source', id: dataSourceId } },
          ...(createdBy ? { createdBy } : {}),
        },
      );
    } catch (error) {
      await this.validations.finish(id, {
        error: error instanceof Error ? error.message : 'not queued',
      });
      throw error;
    }
  }

  async get(call: CallContext, id: string): Promise<ValidationView> {
    const run = await this.validations.find(id);
    if (!run) throw new DomainError('not_found', 'validation not found');
    await this.access.require(call, { type: 'data_source', id: run.dataSourceId }, 'read');
    return run;
  }

  async report(call: CallContext, id: string): Promise<HtmlReport> {
    const run = await this.get(call, id);
    return { fileName: `validation-${run.id}.html`, html: renderValidationReport(run) };
  }

  async history(call: CallContext, dto: ValidationHistoryDto): Promise<ValidationHistory> {
    await this.access.require(call, { type: 'data_source', id: dto.dataSourceId }, 'read');
    const validations = await this.validations.history(
      dto.dataSourceId,
      dto.suiteId,
      dto.limit ?? 100,
    );
    return { validations, scores: versionScores(validations) };
  }
}

/** Per version, the latest finished run of each suite; the version's score is their mean. */
export function versionScores(runs: readonly ValidationSummary[]): VersionQualityScore[] {
  const latest = new Map<string, ValidationSummary>();
  for (const run of runs) {
    if (run.status !== 'succeeded' || run.score === null) continue;
    const key = `${run.version}:${run.suiteId}`;
    const seen = latest.get(key);
    if (!seen || seen.createdAt < run.createdAt) latest.set(key, run);
  }
  const byVersion = new Map<number, ValidationSummary[]>();
  for (const run of latest.values())
    byVersion.set(run.version, [...(byVersion.get(run.version) ?? []), run]);
  return [...byVersion.entries()]
    .sort(([a], [b]) => b - a)
    .map(([version, list]) => ({
      version,
      score: list.reduce((s, r) => s + (r.score ?? 0), 0) / list.length,
      suites: list.map((r) => ({
        suiteId: r.suiteId,
        suiteName: r.suiteName,
        score: r.score ?? 0,
        validationId: r.id,
      })),
    }));
}
