import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type CreateSuiteDto,
  type ExpectationConfig,
  type SuiteView,
} from '@hydroml/contracts';
import { AccessClient } from '../../access/access.client.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { ProfilesRepository } from '../profile/profiles.repository.js';
import { expectationDefinition } from './expectation-catalogue.js';
import { suiteFromProfile } from './suite-generator.js';
import { SuitesRepository } from './suites.repository.js';

/** Expectation suites of a data source: list, create (optionally seeded from a profile), read. */
@Injectable()
export class SuitesService {
  constructor(
    private readonly access: AccessClient,
    private readonly suites: SuitesRepository,
    private readonly versions: VersionsRepository,
    private readonly profiles: ProfilesRepository,
  ) {}

  async list(call: CallContext, dataSourceId: string): Promise<SuiteView[]> {
    await this.access.require(call, { type: 'data_source', id: dataSourceId }, 'read');
    return this.suites.list(dataSourceId);
  }

  async create(call: CallContext, dto: CreateSuiteDto): Promise<SuiteView> {
    const principal = await this.access.require(
      call,
      { type: 'data_source', id: dto.dataSourceId },
      'write',
    );
    const given: ExpectationConfig[] = (dto.expectations ?? []).map((e) => ({
      type: e.type,
      kwargs: e.kwargs,
      ...(e.meta ? { meta: e.meta } : {}),
    }));
    given.forEach((e) => expectationDefinition(e.type));
    const generated =
      dto.fromVersion === undefined ? [] : await this.generated(dto.dataSourceId, dto.fromVersion);
    return this.suites.insert({
      ...{ dataSourceId: dto.dataSourceId, name: dto.name, expectations: [...generated, ...given] },
      ...{ autoValidate: dto.autoValidate ?? false, createdBy: principal },
    });
  }

  async get(call: CallContext, suiteId: string): Promise<SuiteView> {
    const suite = await this.suites.find(suiteId);
    if (!suite) throw new DomainError('not_found', 'suite not found');
    await this.access.require(call, { type: 'data_source', id: suite.dataSourceId }, 'read');
    return suite;
  }

  private async generated(dataSourceId: string, version: number): Promise<ExpectationConfig[]> {
    const entity = await this.versions.find(dataSourceId, version);
    if (!entity) throw new DomainError('not_found', `version ${version} not found`);
    const profile = await this.profiles.find(entity.id);
    if (!profile) {
      throw new DomainError(
        'failed_precondition',
        `version ${version} has no profile yet: POST /data-sources/${dataSourceId}/versions/${version}/profile first`,
      );
    }
    return suiteFromProfile(profile);
  }
}
