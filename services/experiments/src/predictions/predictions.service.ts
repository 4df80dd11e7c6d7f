import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ModelFileDto,
  type ModelFileLocation,
  type PredictDto,
  type PredictionResult,
} from '@hydroml/contracts';
import type { DuckDBValue } from '@duckdb/node-api';
import { JobQueue } from '@hydroml/jobs';
import { ident, ROW_ID } from '@hydroml/recipes';
import { VersionReader } from '../training/data/version-reader.js';
import { ExperimentsEnv } from '../training/experiments-env.js';
import { jobCall } from '../training/trainings.service.js';
import {
  columnsOfRows,
  featureSelect,
  matrixOf,
  predictColumns,
  predictWith,
} from './loaded-model.js';
import { ModelStore, type ModelVersionFiles } from './model-store.js';
import { PREDICT_JOB, type PredictJobPayload } from './predict.job.js';

/**
 * Predictions of registered model versions: JSON rows are answered at once, a data source version
 * in a job that writes a new version with the predictions; both go through the model's recipe.
 */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly store: ModelStore,
    private readonly reader: VersionReader,
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
      return this.predictRows(call, files, dto.rows);
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

  /** Rows hold the training data's columns; without a recipe, the model's feature columns. */
  private async predictRows(
    call: CallContext,
    files: ModelVersionFiles,
    rows: Array<Record<string, unknown>>,
  ): Promise<PredictionResult> {
    const [loaded, recipe] = await Promise.all([
      this.store.load(files.modelKey),
      this.store.recipe(files.runId),
    ]);
    if (recipe.steps.length === 0) {
      return predictWith(loaded, matrixOf(loaded, columnsOfRows(rows)));
    }
    const max = this.env.PREDICT_MAX_ROWS;
    return this.reader.withRows(call, rows, recipe, max, async (opened) => {
      const have = new Set(opened.recipe.schema.map((c) => c.name));
      const missing = loaded.features.find((f) => !have.has(f.name));
      if (missing) {
        throw new DomainError(
          'invalid_argument',
          `the model's recipe gives no column '${missing.name}' from these rows`,
        );
      }
      const binds = opened.recipe.binds as DuckDBValue[];
      const page = opened.select(featureSelect(loaded), '', `${ident(ROW_ID)} LIMIT ${max + 1}`);
      const data = (await opened.connection.runAndReadAll(page, binds)).getColumnsJS();
      if (data[0].length > max) {
        throw new DomainError(
          'invalid_argument',
          `the model's recipe turns these rows into more than ${max} rows; send a data source version instead`,
        );
      }
      const rowIds = Array.from(data[data.length - 1], Number);
      return { ...predictColumns(loaded, data), rows: rowIds };
    });
  }

  async modelFile(call: CallContext, dto: ModelFileDto): Promise<ModelFileLocation> {
    const files = await this.store.locate(call, dto.name, dto.version);
    return { blobKey: files.modelKey, fileName: `${dto.name}-v${dto.version}.hydroml.json` };
  }
}
