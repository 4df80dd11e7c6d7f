import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type HtmlReport,
  type JobView,
  type ProfileRequestDto,
  type ProfileView,
  type VersionRefDto,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { AccessClient } from '../../access/access.client.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { renderProfileReport } from '../report/profile-report.js';
import { PROFILE_JOB, type ProfilePayload } from './profile.job.js';
import { ProfilesRepository } from './profiles.repository.js';

/** Profile requests: queue the job, read the stored profile, render its report. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly access: AccessClient,
    private readonly versions: VersionsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly queue: JobQueue,
  ) {}

  async request(call: CallContext, dto: ProfileRequestDto): Promise<JobView> {
    const resource = { type: 'data_source' as const, id: dto.dataSourceId };
    const principal = await this.access.require(call, resource, 'read');
    const entity = await this.versions.find(dto.dataSourceId, dto.version);
    if (!entity) throw new DomainError('not_found', `version ${dto.version} not found`);
    const payload: ProfilePayload = {
      ...{ dataSourceId: dto.dataSourceId, version: dto.version },
      refresh: dto.refresh ?? false,
    };
    return this.queue.enqueue(PROFILE_JOB, { ...payload }, { resource, createdBy: principal });
  }

  async get(call: CallContext, dto: VersionRefDto): Promise<ProfileView> {
    await this.access.require(call, { type: 'data_source', id: dto.dataSourceId }, 'read');
    const entity = await this.versions.find(dto.dataSourceId, dto.version);
    if (!entity) throw new DomainError('not_found', `version ${dto.version} not found`);
    const profile = await this.profiles.find(entity.id);
    if (!profile) {
      throw new DomainError(
        'not_found',
        `version ${dto.version} has no profile yet: POST .../profile`,
      );
    }
    return profile;
  }

  async report(call: CallContext, dto: VersionRefDto): Promise<HtmlReport> {
    const profile = await this.get(call, dto);
    return {
      fileName: `profile-${dto.dataSourceId}-v${dto.version}.html`,
      html: renderProfileReport(profile),
    };
  }
}
