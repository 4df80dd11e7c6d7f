import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobsTable, dropJobsTable } from '@hydroml/jobs';

export class ImportJobs1764300000310 implements MigrationInterface {
  name = 'ImportJobs1764300000310';

  async up(q: QueryRunner): Promise<void> {
    await createJobsTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropJobsTable(q);
  }
}
