import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type KeyValue,
  type MetricDto,
  type RunStatus,
} from '@hydroml/contracts';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { ExperimentsRepository } from '../../experiments/persistence/experiments.repository.js';
import { RunLoggingService } from '../../runs/run-logging.service.js';
import { RunsService } from '../../runs/runs.service.js';
import { uuidToHex } from '../../tracking/domain/ids.js';

const BATCH = 100;

export interface RunHandle {
  /** MLflow run id (32 hex). */
  runId: string;
  experimentNum: string;
  call: CallContext;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Trainings and trials log MLflow-shaped runs through the tracking services, as a client would. */
@Injectable()
export class RunRecorder {
  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly runs: RunsService,
    private readonly logging: RunLoggingService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** The experiment of that name in the project, created on first use. */
  async experiment(projectId: string, name: string): Promise<string> {
    const found = await this.experiments.inProject(projectId, name);
    if (found) return String(found.num);
    await this.experiments.create({ projectId, name, tags: [] }).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    });
    const created = await this.experiments.inProject(projectId, name);
    if (!created) throw new DomainError('internal', `experiment ${name} could not be created`);
    return String(created.num);
  }

  async start(
    call: CallContext,
    experimentNum: string,
    name: string | undefined,
    tags: KeyValue[],
  ): Promise<RunHandle> {
    const run = await this.runs.create(call, {
      experiment_id: experimentNum,
      run_name: name,
      tags,
    });
    return { runId: run.info.run_id, experimentNum, call };
  }

  async log(
    run: RunHandle,
    data: { params?: KeyValue[]; tags?: KeyValue[]; metrics?: Array<Omit<MetricDto, 'timestamp'>> },
  ): Promise<void> {
    const timestamp = Date.now();
    const metrics = (data.metrics ?? [])
      .filter((m) => Number.isFinite(m.value))
      .map((m) => ({ ...m, timestamp }));
    for (const batch of chunks(metrics, 1000)) {
      await this.logging.logBatch(run.call, { run_id: run.runId, metrics: batch });
    }
    for (const batch of chunks(data.params ?? [], BATCH)) {
      await this.logging.logBatch(run.call, { run_id: run.runId, params: batch });
    }
    for (const batch of chunks(data.tags ?? [], BATCH)) {
      await this.logging.logBatch(run.call, { run_id: run.runId, tags: batch });
    }
  }

  /** Stores an artifact where the MLflow artifact API serves it (`<run>/artifacts/<path>`). */
  async artifact(run: RunHandle, path: string, content: string | Uint8Array): Promise<void> {
    const key = artifactKey(run.runId, path);
    const bytes =
      typeof content === 'string'
        ? Buffer.from(content)
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    await this.blobs.put(key, Readable.from([bytes]));
  }

  async end(run: RunHandle, status: RunStatus): Promise<void> {
    const end_time = status === 'RUNNING' ? undefined : Date.now();
    await this.runs.update(run.call, { run_id: run.runId, status, end_time });
  }
}

/** Blob key of a run artifact (paths we write are plain safe segments). */
export function artifactKey(runId: string, path: string): string {
  return `mlflow-artifacts/${uuidToHex(runId)}/${path}`;
}
