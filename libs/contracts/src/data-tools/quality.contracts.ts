import { contract } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import { DataSourceRefDto, VersionRefDto } from './datasets.dto.js';
import {
  CreateSuiteDto,
  PreflightDto,
  ProfileRequestDto,
  SuiteRefDto,
  ValidateSuiteDto,
  ValidationHistoryDto,
  ValidationRefDto,
} from './quality.dto.js';
import type { HtmlReport, ProfileView } from './quality.profile.views.js';
import type { SuiteView, ValidationHistory, ValidationView } from './quality.suites.views.js';
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
  listSuites: contract<DataSourceRefDto, SuiteView[]>(
    'data-tools.quality.suites.list',
    DataSourceRefDto,
  ),
  createSuite: contract<CreateSuiteDto, SuiteView>(
    'data-tools.quality.suites.create',
    CreateSuiteDto,
  ),
  getSuite: contract<SuiteRefDto, SuiteView>('data-tools.quality.suites.get', SuiteRefDto),
  /** Queue a validation run (a job whose id is the validation's id). */
  validate: contract<ValidateSuiteDto, JobView>(
    'data-tools.quality.suites.validate',
    ValidateSuiteDto,
  ),
  getValidation: contract<ValidationRefDto, ValidationView>(
    'data-tools.quality.validations.get',
    ValidationRefDto,
  ),
  validationReport: contract<ValidationRefDto, HtmlReport>(
    'data-tools.quality.validations.report',
    ValidationRefDto,
  ),
  validationHistory: contract<ValidationHistoryDto, ValidationHistory>(
    'data-tools.quality.validations.history',
    ValidationHistoryDto,
  ),
} as const;
