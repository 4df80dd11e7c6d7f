import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type ArtifactGrant,
  type AuthorizeArtifactsDto,
  type CallContext,
} from '@hydroml/contracts';
import { uuidToHex } from '../tracking/domain/ids.js';
import { RunsService } from '../runs/runs.service.js';
import { parseProxiedPath, validateArtifactPath } from './artifact-path.js';

/** Says where a run's artifacts live once the caller may read (or write) them. */
@Injectable()
export class ArtifactsService {
  constructor(private readonly runs: RunsService) {}

  async authorize(call: CallContext, dto: AuthorizeArtifactsDto): Promise<ArtifactGrant> {
    const target = dto.run_id
      ? { run: dto.run_id, experiment: undefined, relative: validateArtifactPath(dto.path ?? '') }
      : parseProxiedPath(dto.path ?? '');
    const row = await this.runs.load(call, { run_id: target.run }, dto.action);
    if (target.experiment !== undefined && target.experiment !== String(row.experiment_num)) {
      throw new DomainError('not_found', `No artifacts at '${dto.path}'`);
    }
    return {
      prefix: `mlflow-artifacts/${uuidToHex(row.id)}`,
      relative: target.relative,
      root_uri: row.artifact_uri,
    };
  }
}
