import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { logger } from '@hydroml/nest-kit';
import { BLOB_STORE, FsBlobStore, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { IngestLifecycle } from './ingest-lifecycle.js';

const HOUR = 3600_000;
const LIVE = new Set(['queued', 'running']);

interface JobRow {
  id: string;
  status: string;
  uploadKey: string | null;
  expiresAt: string | null;
}

/**
 * Cleans up after processes that died mid-job, at start-up and then hourly: work directories and
 * temp files of jobs no longer running, blobs of jobs that never committed a version (Parquet,
 * kept originals, uploads), deleted versions' blobs, expired export files.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly env: DataToolsEnv,
    private readonly lifecycle: IngestLifecycle,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.sweep().catch((error: unknown) => logger().warn({ err: error }, 'sweep failed'));
    };
    run();
    this.timer = setInterval(run, HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * One pass; answers how many files and blobs it removed. Everything is listed before the jobs
   * are read: a job always exists before its files, so a file of a job started meanwhile is kept.
   */
  async sweep(now = Date.now()): Promise<number> {
    const workDirs = await readdir(join(this.env.DATA_TOOLS_WORK_DIR, 'jobs')).catch(() => []);
    const [parquet, sources, uploads, exports] = await Promise.all(
      ['datasets/', 'sources/', 'uploads/', 'exports/'].map((p) => this.blobs.list(p)),
    );
    const rows: JobRow[] = await this.db.query(
      `SELECT id, status, payload->>'uploadKey' AS "uploadKey", result->>'expiresAt' AS "expiresAt" FROM jobs`,
    );
    const jobs = new Map(rows.map((j) => [j.id, j]));
    const live = (id: string | undefined) =>
      id !== undefined && (!jobs.has(id) || LIVE.has(jobs.get(id)?.status ?? ''));
    let removed = await this.sweepWorkDir(workDirs, live, now);
    if (this.blobs instanceof FsBlobStore) removed += await this.blobs.sweepTemp(HOUR);
    const dead = [
      ...parquet.filter((key) => !live(/([0-9a-f-]{36})\.parquet$/.exec(key)?.[1])),
      ...sources.filter((key) => !live(/([0-9a-f-]{36})$/.exec(key)?.[1])),
    ];
    const liveUploads = new Set(rows.filter((j) => LIVE.has(j.status)).map((j) => j.uploadKey));
    const knownUploads = new Set(rows.map((j) => j.uploadKey));
    for (const key of uploads) {
      if (liveUploads.has(key)) continue;
      if (knownUploads.has(key) || (await this.olderThan(key, 24 * HOUR, now))) dead.push(key);
    }
    await this.lifecycle.removeUnused(dead);
    return removed + dead.length + (await this.sweepExports(exports, jobs, now));
  }

  private async sweepExports(
    keys: string[],
    jobs: Map<string, JobRow>,
    now: number,
  ): Promise<number> {
    let removed = 0;
    for (const key of keys) {
      const direct = /^exports\/direct-(\d+)-/.exec(key);
      const job = /^exports\/job-([0-9a-f-]{36})\./.exec(key);
      const expired = direct
        ? now - Number(direct[1]) > HOUR
        : job
          ? !jobs.has(job[1]) || Date.parse(jobs.get(job[1])?.expiresAt ?? '') < now
          : await this.olderThan(key, HOUR, now);
      if (expired && (await this.blobs.delete(key))) removed += 1;
    }
    return removed;
  }

  private async sweepWorkDir(
    names: string[],
    live: (id: string) => boolean,
    now: number,
  ): Promise<number> {
    const root = this.env.DATA_TOOLS_WORK_DIR;
    let removed = 0;
    for (const name of names) {
      if (live(name)) continue;
      await rm(join(root, 'jobs', name), { recursive: true, force: true });
      removed += 1;
    }
    for (const dir of ['exports', 'cache']) {
      for (const name of await readdir(join(root, dir)).catch(() => [] as string[])) {
        if (dir === 'cache' && !name.endsWith('.part')) continue;
        const info = await stat(join(root, dir, name)).catch(() => null);
        if (info && now - info.mtimeMs > HOUR) {
          await rm(join(root, dir, name), { force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }

  private async olderThan(key: string, ms: number, now: number): Promise<boolean> {
    const local = await this.blobs.localPath(key);
    if (!local) return false;
    const info = await stat(local).catch(() => null);
    return info !== null && now - info.mtimeMs > ms;
  }
}
