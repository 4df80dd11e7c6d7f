import { mkdir } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface DuckSettings {
  threads: number;
  memoryLimit: string;
  tempDir: string;
}

/**
 * One in-memory DuckDB per process (data-tools and experiments each have one). Extension
 * auto-install and auto-load are off: the built-in parquet, json and icu are all we use, and
 * anything else would try the network.
 */
export class DuckEngine {
  private constructor(private readonly instance: DuckDBInstance) {}

  static async create(settings: DuckSettings): Promise<DuckEngine> {
    await mkdir(settings.tempDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: String(settings.threads),
      memory_limit: settings.memoryLimit,
      temp_directory: settings.tempDir,
    });
    return new DuckEngine(instance);
  }

  /** Runs `work` on a fresh connection, closed afterwards. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  close(): void {
    this.instance.closeSync();
  }
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
