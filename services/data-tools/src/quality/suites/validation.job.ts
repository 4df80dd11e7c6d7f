import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, type ExpectationResult, type ValidationStatistics } from '@hydroml/contracts';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { parquetSource } from '@hydroml/recipes';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { VersionCache } from '../../storage/version-cache.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { runValidation } from './run-validation.js';
import { SuitesRepository } from './suites.repository.js';
import { ValidationsRepository } from './validations.repository.js';

export const VALIDATE_JOB = 'quality-validate';

export interface ValidatePayload {
  validationId: string;
  suiteId: string;
  dataSourceId: string;
  version: number;
  sampleSize: number;
}

export function statisticsOf(results: readonly ExpectationResult[]): ValidationStatistics {
  const successful = results.filter((r) => r.success).length;
  const evaluated = results.length;
  return {
    ...{ evaluated, successful, unsuccessful: evaluated - successful },
    successPercent: evaluated ? (100 * successful) / evaluated : 100,
  };
}

/** Runs a suite against a version (access was checked when queued) and stores the results. */
@Injectable()
export class ValidationJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly suites: SuitesRepository,
    private readonly validations: ValidationsRepository,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
  ) {}

  onModuleInit(): void {
    this.worker.register(VALIDATE_JOB, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const p = ctx.payload as unknown as ValidatePayload;
    try {
      const results = await this.evaluate(p, ctx);
      const statistics = statisticsOf(results);
      await this.validations.finish(p.validationId, { results, statistics });
      return {
        validationId: p.validationId,
        success: statistics.unsuccessful === 0,
        score: statistics.successPercent,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.validations.finish(p.validationId, { error: message });
      throw error;
    }
  }

  private async evaluate(p: ValidatePayload, ctx: JobContext): Promise<ExpectationResult[]> {
    const suite = await this.suites.find(p.suiteId);
    if (!suite) throw new DomainError('not_found', 'suite not found');
    const entity = await this.versions.find(p.dataSourceId, p.version);
    if (!entity) throw new DomainError('not_found', `version ${p.version} not found`);
    await ctx.progress(0.1, 'reading the version');
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    ctx.throwIfCancelled();
    await ctx.progress(0.2, `checking ${suite.expectations.length} expectations`);
    return this.engine.use((c) =>
      runValidation(c, {
        ordered: `(${parquetSource(sqlString(path))})`,
        ...{ schema: entity.schema, expectations: suite.expectations, sampleSize: p.sampleSize },
      }),
    );
  }
}
