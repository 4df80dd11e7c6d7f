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
import { ProjectAccessService } from '../../access/project-access.service.js';

const JOBS = jobContracts('experiments');

/** Jobs of the experiments service: visible to who may read the project; cancelling needs write. */
@Controller()
export class ExperimentsJobsHandler {
  constructor(
    private readonly queue: JobQueue,
    private readonly access: ProjectAccessService,
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
    if (job.resource?.type === 'project') {
      await this.access.require(call, job.resource.id, action, 'job not found');
    } else if (job.createdBy !== requirePrincipal(call).userId) {
      throw new DomainError('not_found', 'job not found');
    }
  }
}
