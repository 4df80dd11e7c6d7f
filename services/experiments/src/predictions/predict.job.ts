import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { JSDuckDBValueConverter, type DuckDBValue, type JS } from '@duckdb/node-api';
import { DataToolsContracts, type Principal } from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { ident, ROW_ID } from '@hydroml/recipes';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { sqlString } from '@hydroml/recipes';
import { VersionReader, type OpenedVersion } from '../training/data/version-reader.js';
import { ExperimentsEnv } from '../training/experiments-env.js';
import { callOf } from '../training/training-job.payload.js';
import { featureSelect, predictColumns, type LoadedModel, type Predicted } from './loaded-model.js';
import { ModelStore } from './model-store.js';

export const PREDICT_JOB = 'predict';

export interface PredictJobPayload {
  principal: Principal;
  correlationId: string;
  modelKey: string;
  runId: string;
  model: string;
  dataSourceId: string;
  dataVersion: number;
}

function freeName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let i = 1; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

/** CSV lines of row id, prediction and class probabilities (read back by DuckDB). */
function predictionsCsv(rids: unknown[], predicted: Predicted): string {
  const lines: string[] = [];
  for (let i = 0; i < rids.length; i++) {
    const p = predicted.predictions[i];
    const cells = [String(rids[i]), p === null ? '' : JSON.stringify(p)];
    for (const q of predicted.probabilities?.[i] ?? []) cells.push(String(q));
    lines.push(cells.join(','));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The `predict` job: model + recipe over a version -> a new version with prediction columns. */
@Injectable()
export class PredictJob {
  constructor(
    private readonly reader: VersionReader,
    private readonly store: ModelStore,
    private readonly nats: NatsClient,
    private readonly env: ExperimentsEnv,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const p = ctx.payload as unknown as PredictJobPayload;
    const call = callOf(p);
    const [loaded, { steps: recipe }] = await Promise.all([
      this.store.load(p.modelKey),
      this.store.recipe(p.runId),
    ]);
    const dir = join(this.env.EXPERIMENTS_WORK_DIR, 'predict', ctx.job.id);
    await mkdir(dir, { recursive: true });
    try {
      await ctx.progress(0.1, 'reading data');
      const file = await this.reader.with(
        call,
        { dataSourceId: p.dataSourceId, version: p.dataVersion, recipe },
        (opened) =>
          this.write(opened, loaded, dir, async (done) => {
            // between chunks: a cancelled job stops here and adds no version
            ctx.throwIfCancelled();
            const fraction = 0.1 + 0.7 * Math.min(1, done / Math.max(opened.location.rows, 1));
            await ctx.progress(fraction, `predicted ${done} rows`);
          }),
      );
      ctx.throwIfCancelled();
      await ctx.progress(0.8, 'storing the new version');
      const uploadKey = `uploads/${randomUUID()}`;
      await this.blobs.put(uploadKey, createReadStream(file));
      const job = await this.nats.request(
        DataToolsContracts.addVersion,
        {
          dataSourceId: p.dataSourceId,
          uploadKey,
          fileName: 'predictions.parquet',
          options: { format: 'parquet' },
        },
        call,
      );
      return { model: p.model, dataSourceId: p.dataSourceId, ingestJobId: job.id };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Streams the version's features through the model into `csv`, a chunk at a time. */
  private async predictInto(
    opened: OpenedVersion,
    loaded: LoadedModel,
    csv: string,
    header: string[],
    onChunk: (rowsDone: number) => Promise<void>,
  ) {
    const binds = opened.recipe.binds as DuckDBValue[];
    const exprs = featureSelect(loaded);
    const file = await open(csv, 'w');
    try {
      await file.write(`${header.map((n) => JSON.stringify(n)).join(',')}\n`);
      const columns: JS[][] = exprs.map(() => []);
      let done = 0;
      const flush = async (rows: number) => {
        const piece = columns.map((c) => c.splice(0, rows));
        await file.write(predictionsCsv(piece[piece.length - 1], predictColumns(loaded, piece)));
        done += rows;
        await onChunk(done);
      };
      const size = this.env.PREDICT_CHUNK_ROWS;
      for await (const chunk of await opened.connection.stream(opened.select(exprs), binds)) {
        chunk.convertColumns(JSDuckDBValueConverter).forEach((c, j) => columns[j].push(...c));
        while (columns[0].length >= size) await flush(size);
      }
      if (columns[0].length > 0) await flush(columns[0].length);
    } finally {
      await file.close();
    }
  }

  private async write(
    opened: OpenedVersion,
    loaded: LoadedModel,
    dir: string,
    onChunk: (rowsDone: number) => Promise<void>,
  ): Promise<string> {
    const binds = opened.recipe.binds as DuckDBValue[];
    const taken = new Set(opened.recipe.schema.map((c) => c.name));
    const names = [freeName(taken, 'prediction')];
    for (const c of loaded.classes ?? []) names.push(freeName(taken, `proba_${c}`));
    const csv = join(dir, 'predictions.csv');
    await this.predictInto(opened, loaded, csv, ['rid', ...names], onChunk);
    const out = join(dir, 'out.parquet');
    const picked = names.map((n) => `p.${ident(n)}`).join(', ');
    await opened.connection.run(
      `CREATE TEMP TABLE __predicted AS ${opened.recipe.withClause}
       SELECT h.* EXCLUDE (${ident(ROW_ID)}), ${picked}
       FROM ${ident(opened.recipe.head)} h
       JOIN read_csv(${sqlString(csv)}, header = true) p ON h.${ident(ROW_ID)} = p.rid
       ORDER BY h.${ident(ROW_ID)}`,
      binds,
    );
    await opened.connection.run(`COPY __predicted TO ${sqlString(out)} (FORMAT parquet)`);
    return out;
  }
}
