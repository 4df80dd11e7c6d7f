import { contract } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import { VersionRefDto } from './datasets.dto.js';
import { PreflightDto, ProfileRequestDto } from './quality.dto.js';
import type { HtmlReport, ProfileView } from './quality.profile.views.js';
import type { PreflightResult } from './quality.views.js';

/**
 * Data quality subjects of data-tools. `preflight` is what the experiments service calls before a
 * training job: errors block training, warnings inform, `usableFeatures` is what to train on.
 */
export const QualityContracts = {
  preflight: contract<PreflightDto, PreflightResult>('data-tools.quality.preflight', PreflightDto),
  /** Queue the profile job of a version (answers the job; its result names the version). */
  profile: contract<ProfileRequestDto, JobView>('data-tools.quality.profile', ProfileRequestDto),
  getProfile: contract<VersionRefDto, ProfileView>('data-tools.quality.profile.get', VersionRefDto),
  profileReport: contract<VersionRefDto, HtmlReport>(
    'data-tools.quality.profile.report',
    VersionRefDto,
  ),
} as const;
