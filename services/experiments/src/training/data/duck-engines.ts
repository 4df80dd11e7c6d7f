import { join } from 'node:path';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ExperimentsEnv } from '../experiments-env.js';
import { DuckEngine } from '@hydroml/recipes';

/** This process's DuckDB, opened on first use and closed at shutdown. */
@Injectable()
export class DuckEngines implements OnApplicationShutdown {
  private engine: Promise<DuckEngine> | undefined;

  constructor(private readonly env: ExperimentsEnv) {}

  get(): Promise<DuckEngine> {
    this.engine ??= DuckEngine.create({
      threads: this.env.DUCKDB_THREADS,
      memoryLimit: this.env.DUCKDB_MEMORY_LIMIT,
      tempDir: join(this.env.EXPERIMENTS_WORK_DIR, 'duckdb'),
    });
    return this.engine;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.engine) (await this.engine).close();
  }
}
