import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DatasetInputDto } from '@hydroml/contracts';

/** Dataset, link and tags of one input in one statement; the dataset is shared per experiment. */
const LOG_INPUT_SQL = `
WITH d AS (
  INSERT INTO datasets (experiment_id, name, digest, source_type, source, schema, profile)
  SELECT experiment_id, $2, $3, $4, $5, $6, $7 FROM runs WHERE id = $1
  ON CONFLICT (experiment_id, name, digest) DO UPDATE SET name = datasets.name
  RETURNING id),
i AS (
  INSERT INTO inputs (dataset_id, run_id) SELECT d.id, $1 FROM d
  ON CONFLICT (dataset_id, run_id) DO UPDATE SET run_id = excluded.run_id
  RETURNING id)
INSERT INTO input_tags (input_id, key, value)
SELECT i.id, t.key, t.value FROM i, unnest($8::text[], $9::text[]) AS t(key, value)
ON CONFLICT (input_id, key) DO UPDATE SET value = excluded.value`;

@Injectable()
export class RunInputsRepository {
  constructor(private readonly db: DataSource) {}

  async log(runId: string, inputs: DatasetInputDto[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const input of inputs) {
        const tags = [...new Map((input.tags ?? []).map((t) => [t.key, t.value]))];
        const d = input.dataset;
        await tx.query(LOG_INPUT_SQL, [
          runId,
          d.name,
          d.digest,
          d.source_type,
          d.source,
          d.schema ?? null,
          d.profile ?? null,
          tags.map(([key]) => key),
          tags.map(([, value]) => value),
        ]);
      }
    });
  }
}
