import { Injectable } from '@nestjs/common';
import {
  DomainError,
  JOB_OWNING_SERVICES,
  jobContracts,
  type CallContext,
  type JobContracts,
  type JobView,
} from '@hydroml/contracts';
import { NatsClient, RemoteError } from '@hydroml/nest-kit';

/** Finds a job among the services that run jobs (a job id is unique across them). */
@Injectable()
export class JobsClient {
  private readonly owners: JobContracts[] = JOB_OWNING_SERVICES.map((s) => jobContracts(s));

  constructor(private readonly nats: NatsClient) {}

  get(id: string, call: CallContext): Promise<JobView> {
    return this.first((c) => this.nats.request(c.get, { id }, call));
  }

  cancel(id: string, call: CallContext): Promise<JobView> {
    return this.first((c) => this.nats.request(c.cancel, { id }, call));
  }

  private async first(ask: (contracts: JobContracts) => Promise<JobView>): Promise<JobView> {
    for (const contracts of this.owners) {
      try {
        return await ask(contracts);
      } catch (error) {
        if (!(error instanceof RemoteError && error.code === 'not_found')) throw error;
      }
    }
    throw new DomainError('not_found', 'job not found');
  }
}
