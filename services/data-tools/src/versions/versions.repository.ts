import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { DatasetVersionView } from '@hydroml/contracts';
import { DatasetVersionEntity } from './persistence/dataset-version.entity.js';

export type NewVersion = Omit<DatasetVersionEntity, 'version' | 'createdAt'>;

@Injectable()
export class VersionsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The one metadata commit that publishes a version: numbered n+1 under a per-data-source lock.
   * A second commit for the same job returns the version the first one made.
   */
  async commit(input: NewVersion): Promise<DatasetVersionEntity> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [input.dataSourceId]);
      const repo = tx.getRepository(DatasetVersionEntity);
      const existing = await repo.findOneBy({ jobId: input.jobId });
      if (existing) return existing;
      const rows: Array<{ n: number }> = await tx.query(
        `SELECT coalesce(max(version), 0)::int AS n FROM dataset_versions WHERE data_source_id = $1`,
        [input.dataSourceId],
      );
      const entity = repo.create({ ...input, version: rows[0].n + 1, createdAt: new Date() });
      // save, not insert: TypeORM's insert typing rejects jsonb fields holding `unknown` (recipe).
      await repo.save(entity);
      return entity;
    });
  }

  list(dataSourceId: string): Promise<DatasetVersionEntity[]> {
    return this.db
      .getRepository(DatasetVersionEntity)
      .find({ where: { dataSourceId, deletedAt: IsNull() }, order: { version: 'ASC' } });
  }

  find(dataSourceId: string, version: number): Promise<DatasetVersionEntity | null> {
    return this.db
      .getRepository(DatasetVersionEntity)
      .findOneBy({ dataSourceId, version, deletedAt: IsNull() });
  }

  /** Also finds a soft-deleted version: a redelivered job must not make it again. */
  findByJob(jobId: string): Promise<DatasetVersionEntity | null> {
    return this.db.getRepository(DatasetVersionEntity).findOneBy({ jobId });
  }
}

export function toVersionView(e: DatasetVersionEntity): DatasetVersionView {
  return {
    ...{ id: e.id, dataSourceId: e.dataSourceId, version: e.version, origin: e.origin },
    ...{ parents: e.parents, jobId: e.jobId, sourceFileName: e.sourceFileName, rows: e.rows },
    ...{ columns: e.columns, bytes: e.bytes, sha256: e.sha256, schema: e.schema },
    ...{ detection: e.detection, warnings: e.warnings, createdBy: e.createdBy },
    createdAt: e.createdAt.toISOString(),
    provenance: e.provenance ?? null,
    recipe: e.recipe ?? null,
  };
}
