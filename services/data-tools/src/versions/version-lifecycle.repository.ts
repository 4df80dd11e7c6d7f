import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VersionParent } from '@hydroml/contracts';

/** A version row as the lineage graph needs it. */
export interface LineageRow {
  dataSourceId: string;
  version: number;
  origin: string;
  rows: number;
  parents: VersionParent[];
  provenance: Record<string, unknown> | null;
  createdAt: Date;
  deleted: boolean;
}

const LINEAGE_COLUMNS = `v.data_source_id AS "dataSourceId", v.version, v.origin, v.rows::float8 AS rows,
  v.parents, v.provenance, v.created_at AS "createdAt", v.deleted_at IS NOT NULL AS deleted`;

/** Deletion and lineage queries over dataset versions. */
@Injectable()
export class VersionLifecycleRepository {
  constructor(private readonly db: DataSource) {}

  /** Live versions (of any data source) that name this one among their parents. */
  async dependents(ref: VersionParent): Promise<VersionParent[]> {
    return this.db.query(
      `SELECT data_source_id AS "dataSourceId", version FROM dataset_versions
       WHERE deleted_at IS NULL AND parents @> $1::jsonb
         AND NOT (data_source_id = $2 AND version = $3)
       ORDER BY created_at LIMIT 20`,
      [
        JSON.stringify([{ dataSourceId: ref.dataSourceId, version: ref.version }]),
        ref.dataSourceId,
        ref.version,
      ],
    );
  }

  /** Soft-deletes one version (or all of a data source's): the blob keys it held. */
  async softDelete(dataSourceId: string, version?: number): Promise<string[]> {
    const rows: Array<Array<{ blob_key: string; source_blob_key: string | null }>> =
      await this.db.query(
        `UPDATE dataset_versions SET deleted_at = now()
         WHERE data_source_id = $1 AND deleted_at IS NULL AND ($2::int IS NULL OR version = $2)
         RETURNING blob_key, source_blob_key`,
        [dataSourceId, version ?? null],
      );
    const list = Array.isArray(rows[0]) ? rows[0] : (rows as unknown as (typeof rows)[0]);
    return list.flatMap((r) => [r.blob_key, ...(r.source_blob_key ? [r.source_blob_key] : [])]);
  }

  /** Keys among `keys` that a live version still uses (an original file shared by re-ingests). */
  async inUse(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: Array<{ key: string }> = await this.db.query(
      `SELECT blob_key AS key FROM dataset_versions WHERE deleted_at IS NULL AND blob_key = ANY($1)
       UNION SELECT source_blob_key FROM dataset_versions WHERE deleted_at IS NULL AND source_blob_key = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /**
   * The versions of a data source with every ancestor and descendant across data sources
   * (soft-deleted ones included, marked), following `parents` both ways.
   */
  async lineage(dataSourceId: string): Promise<LineageRow[]> {
    return this.db.query(
      `WITH RECURSIVE
       up(ds, n) AS (
         SELECT data_source_id, version FROM dataset_versions WHERE data_source_id = $1
         UNION
         SELECT (p->>'dataSourceId')::uuid, (p->>'version')::int
         FROM up JOIN dataset_versions v ON v.data_source_id = up.ds AND v.version = up.n,
              jsonb_array_elements(v.parents) p),
       down(ds, n) AS (
         SELECT data_source_id, version FROM dataset_versions WHERE data_source_id = $1
         UNION
         SELECT v.data_source_id, v.version FROM down JOIN dataset_versions v
           ON v.parents @> jsonb_build_array(jsonb_build_object('dataSourceId', down.ds::text, 'version', down.n)))
       SELECT ${LINEAGE_COLUMNS} FROM dataset_versions v
       WHERE (v.data_source_id, v.version) IN (SELECT ds, n FROM up UNION SELECT ds, n FROM down)
       ORDER BY v.created_at LIMIT 2000`,
      [dataSourceId],
    );
  }
}
