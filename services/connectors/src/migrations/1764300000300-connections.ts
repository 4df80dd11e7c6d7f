import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Connections1764300000300 implements MigrationInterface {
  name = 'Connections1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE connections (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL,
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('postgresql', 'mysql')),
      host text NOT NULL,
      port integer NOT NULL,
      database text NOT NULL,
      user_name text NOT NULL,
      secret_encrypted text,
      key_id text,
      ssl_mode text NOT NULL,
      ssl_ca text,
      options jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX connections_owner_idx ON connections (owner_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE connections`);
  }
}
