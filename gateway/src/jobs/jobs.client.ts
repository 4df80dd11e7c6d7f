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

  /**
   * Asks every owner at once: the one holding the job answers, the others say not_found. An owner
   * that is down only matters when nobody has the job (then the answer cannot be known: 503).
   */
  private async first(ask: (contracts: JobContracts) => Promise<JobView>): Promise<JobView> {
    const answers = await Promise.allSettled(this.owners.map((contracts) => ask(contracts)));
    const found = answers.find((a) => a.status === 'fulfilled');
    if (found) return found.value;
    const failures = answers.map((a) => (a as PromiseRejectedResult).reason as Error);
    const other = failures.find((e) => !(e instanceof RemoteError && e.code === 'not_found'));
    if (other) throw other;
    throw new DomainError('not_found', 'job not found');
  }
}
