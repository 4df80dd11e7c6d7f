import { Injectable } from '@nestjs/common';
import { DomainError, type CallContext, type RegisteredBest } from '@hydroml/contracts';
import { ModelVersionsService } from '../registry/model-versions.service.js';
import { RegisteredModelsService } from '../registry/registered-models.service.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';

/** Registers a trial run's model as a new version of a registered model (created when missing). */
@Injectable()
export class StudyRegistrar {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly models: RegisteredModelsService,
    private readonly versions: ModelVersionsService,
  ) {}

  async register(
    call: CallContext,
    row: StudyRow,
    runId: string,
    target: { name: string; alias?: string },
  ): Promise<RegisteredBest> {
    await this.models
      .create(call, { name: target.name, project_id: row.project_id })
      .catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      });
    const version = await this.versions.create(call, {
      name: target.name,
      source: `runs:/${runId}/model`,
      run_id: runId,
    });
    const alias = target.alias ?? null;
    if (alias) await this.models.setAlias(call, target.name, alias, version.version);
    const registered = { name: target.name, version: version.version, alias };
    await this.studies.setResult(row.id, { registered });
    return registered;
  }
}
