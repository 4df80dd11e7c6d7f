import type { Provider } from '@nestjs/common';
import { jobsProviders as createJobsProviders } from '@hydroml/jobs';
import { DataToolsEnv } from '../data-tools-env.js';

export const SERVICE = 'data-tools';

export const jobsProviders: Provider[] = createJobsProviders(SERVICE, DataToolsEnv);
