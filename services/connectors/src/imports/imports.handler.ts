import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConnectorsContracts,
  DomainError,
  ImportDto,
  JobIdDto,
  jobContracts,
  type CallContext,
  type JobView,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { Call, requirePrincipal } from '@hydroml/nest-kit';
import { ImportsService } from './imports.service.js';

const JOBS = jobContracts('connectors');

@Controller()
export class ImportsHandler {
  constructor(
    private readonly imports: ImportsService,
    private readonly queue: JobQueue,
  ) {}

  @MessagePattern(ConnectorsContracts.import.subject)
  start(@Payload() dto: ImportDto, @Call() call: CallContext): Promise<JobView> {
    return this.imports.start(call, dto);
  }

  /** Import jobs are visible only to whoever started them. */
  @MessagePattern(JOBS.get.subject)
  async get(@Payload() dto: JobIdDto, @Call() call: CallContext): Promise<JobView> {
    return this.own(call, await this.queue.get(dto.id));
  }

  @MessagePattern(JOBS.cancel.subject)
  async cancel(@Payload() dto: JobIdDto, @Call() call: CallContext): Promise<JobView> {
    this.own(call, await this.queue.get(dto.id));
    return this.queue.cancel(dto.id);
  }

  private own(call: CallContext, job: JobView): JobView {
    if (job.createdBy !== requirePrincipal(call).userId)
      throw new DomainError('not_found', 'job not found');
    return job;
  }
}
