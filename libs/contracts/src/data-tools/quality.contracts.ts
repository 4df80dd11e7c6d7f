import { contract } from '../contract.js';
import { PreflightDto } from './quality.dto.js';
import type { PreflightResult } from './quality.views.js';

/**
 * Data quality subjects of data-tools. `preflight` is what the experiments service calls before a
 * training job: errors block training, warnings inform, `usableFeatures` is what to train on.
 */
export const QualityContracts = {
  preflight: contract<PreflightDto, PreflightResult>('data-tools.quality.preflight', PreflightDto),
} as const;
