import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DomainError,
  JobIdDto,
  jobContracts,
  type CallContext,
  type JobView,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { Call, requirePrincipal } from '@hydroml/nest-kit';
import { AccessClient } from '../access/access.client.js';
import { SERVICE } from './jobs.providers.js';

const JOBS = jobContracts(SERVICE);

/** A job is visible to whoever may read what it acts on; cancelling needs write. */
@Controller()
export class JobsHandler {
  constructor(
    private readonly queue: JobQueue,
    private readonly access: AccessClient,
  ) {}

  @MessagePattern(JOBS.get.subject)
  async get(@Payload() dto: JobIdDto, @Call() call: CallContext): Promise<JobView> {
    const job = await this.queue.get(dto.id);
    await this.authorize(call, job, 'read');
    return job;
  }

  @MessagePattern(JOBS.cancel.subject)
  async cancel(@Payload() dto: JobIdDto, @Call() call: CallContext): Promise<JobView> {
    await this.authorize(call, await this.queue.get(dto.id), 'write');
    return this.queue.cancel(dto.id);
  }

  private async authorize(call: CallContext, job: JobView, action: 'read' | 'write') {
    if (job.resource) {
      await this.access.require(call, job.resource, action).catch((error: unknown) => {
        throw error instanceof DomainError && error.code === 'not_found'
          ? new DomainError('not_found', 'job not found')
          : error;
      });
    } else if (job.createdBy !== requirePrincipal(call).userId) {
      throw new DomainError('not_found', 'job not found');
    }
  }
}
