import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobView } from '@hydroml/contracts';
import { JobStore } from '@hydroml/jobs';
import { logger } from '@hydroml/nest-kit';
import { PROFILE_JOB } from '../profile/profile.job.js';
import { SuitesRepository } from './suites.repository.js';
import { VALIDATE_JOB } from './validation.job.js';
import { ValidationsService } from './validations.service.js';

/**
 * Validates each new version against the data source's suites marked `autoValidate`. There is no
 * version-created event: a job of this service that succeeded on a data source with a `version`
 * in its result (ingestion, re-ingestion, a saved studio session ...) made one.
 */
@Injectable()
export class AutoValidation implements OnModuleInit {
  constructor(
    private readonly store: JobStore,
    private readonly suites: SuitesRepository,
    private readonly validations: ValidationsService,
  ) {}

  onModuleInit(): void {
    this.store.onChange((job, type) => {
      if (!madeVersion(job) || type === 'progress') return;
      this.validateNewVersion(job).catch((error: unknown) =>
        logger().error({ err: error, jobId: job.id }, 'automatic validation could not start'),
      );
    });
  }

  private async validateNewVersion(job: JobView): Promise<void> {
    const dataSourceId = job.resource?.id ?? '';
    const version = Number(job.result?.version);
    for (const suite of await this.suites.autoValidated(dataSourceId)) {
      await this.validations.enqueue(suite, version, 'auto', job.createdBy, 20);
    }
  }
}

function madeVersion(job: JobView): boolean {
  if (job.status !== 'succeeded' || job.resource?.type !== 'data_source') return false;
  if (job.kind === PROFILE_JOB || job.kind === VALIDATE_JOB) return false;
  return typeof job.result?.version === 'number';
}
