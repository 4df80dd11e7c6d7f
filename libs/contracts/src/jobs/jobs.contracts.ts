import { contract, type Contract } from '../contract.js';
import { JobIdDto } from './jobs.dto.js';
import type { JobView } from './jobs.views.js';

export interface JobContracts {
  get: Contract<JobIdDto, JobView>;
  cancel: Contract<JobIdDto, JobView>;
}

/** Every service that runs jobs answers these on `<service>.jobs.get|cancel`. */
export function jobContracts(service: string): JobContracts {
  return {
    get: contract<JobIdDto, JobView>(`${service}.jobs.get`, JobIdDto),
    cancel: contract<JobIdDto, JobView>(`${service}.jobs.cancel`, JobIdDto),
  };
}

/** The services that own jobs; the gateway asks them in turn for a job id. */
export const JOB_OWNING_SERVICES = ['data-tools', 'connectors', 'experiments'] as const;
