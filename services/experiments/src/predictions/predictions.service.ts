import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ModelFileDto,
  type ModelFileLocation,
  type PredictDto,
  type PredictionResult,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { ExperimentsEnv } from '../training/experiments-env.js';
import { jobCall } from '../training/trainings.service.js';
import { columnsOfRows, matrixOf, predictWith } from './loaded-model.js';
import { ModelStore } from './model-store.js';
import { PREDICT_JOB, type PredictJobPayload } from './predict.job.js';

/**
 * Predictions of registered model versions: JSON rows (already holding the model's feature
 * columns) are answered at once; a data source version goes through the model's recipe in a job
 * that writes a new version with the predictions.
 */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly store: ModelStore,
    private readonly queue: JobQueue,
    private readonly env: ExperimentsEnv,
  ) {}

  async predict(call: CallContext, dto: PredictDto): Promise<PredictionResult> {
    const files = await this.store.locate(call, dto.name, dto.version);
    if (dto.rows) {
      if (dto.rows.length > this.env.PREDICT_MAX_ROWS) {
        throw new DomainError(
          'invalid_argument',
          `at most ${this.env.PREDICT_MAX_ROWS} rows per request; send a data source version instead`,
        );
      }
      const loaded = await this.store.load(files.modelKey);
      return predictWith(loaded, matrixOf(loaded, columnsOfRows(dto.rows)));
    }
    if (!dto.dataSourceId || !dto.dataVersion) {
      throw new DomainError('invalid_argument', 'send rows, or dataSourceId and dataVersion');
    }
    const payload: PredictJobPayload = {
      ...jobCall(call),
      ...{ modelKey: files.modelKey, runId: files.runId, model: `${dto.name}/${dto.version}` },
      ...{ dataSourceId: dto.dataSourceId, dataVersion: dto.dataVersion },
    };
    const job = await this.queue.enqueue(
      PREDICT_JOB,
      { ...payload },
      {
        resource: { type: 'project', id: files.projectId },
        createdBy: payload.principal.userId,
      },
    );
    return { job };
  }

  async modelFile(call: CallContext, dto: ModelFileDto): Promise<ModelFileLocation> {
    const files = await this.store.locate(call, dto.name, dto.version);
    return { blobKey: files.modelKey, fileName: `${dto.name}-v${dto.version}.hydroml.json` };
  }
}
