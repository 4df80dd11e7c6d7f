import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SQLite connections (an uploaded file in the blob store, its key in options.blobKey). */
export class SqliteConnections1764300000320 implements MigrationInterface {
  name = 'SqliteConnections1764300000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE connections DROP CONSTRAINT IF EXISTS connections_type_check`);
    await q.query(
      `ALTER TABLE connections ADD CONSTRAINT connections_type_check CHECK (type IN ('postgresql', 'mysql', 'sqlite'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM connections WHERE type = 'sqlite'`);
    await q.query(`ALTER TABLE connections DROP CONSTRAINT IF EXISTS connections_type_check`);
    await q.query(
      `ALTER TABLE connections ADD CONSTRAINT connections_type_check CHECK (type IN ('postgresql', 'mysql'))`,
    );
  }
}
