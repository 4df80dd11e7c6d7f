import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type ExpectationConfig, type SuiteView } from '@hydroml/contracts';

interface SuiteRow {
  id: string;
  data_source_id: string;
  name: string;
  expectations: ExpectationConfig[];
  auto_validate: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

function toView(r: SuiteRow): SuiteView {
  return {
    ...{ id: r.id, dataSourceId: r.data_source_id, name: r.name, expectations: r.expectations },
    ...{ autoValidate: r.auto_validate, createdBy: r.created_by },
    ...{ createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() },
  };
}

export interface NewSuite {
  dataSourceId: string;
  name: string;
  expectations: ExpectationConfig[];
  autoValidate: boolean;
  createdBy: string | null;
}

/** Expectation suites, one row each, expectations as JSON in GE's vocabulary. */
@Injectable()
export class SuitesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(suite: NewSuite): Promise<SuiteView> {
    try {
      const rows: SuiteRow[] = await this.db.query(
        `INSERT INTO quality_suites (id, data_source_id, name, expectations, auto_validate, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          ...[randomUUID(), suite.dataSourceId, suite.name],
          ...[JSON.stringify(suite.expectations), suite.autoValidate, suite.createdBy],
        ],
      );
      return toView(rows[0]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError(
          'conflict',
          `a suite named ${suite.name} exists for this data source`,
        );
      }
      throw error;
    }
  }

  async list(dataSourceId: string): Promise<SuiteView[]> {
    const rows: SuiteRow[] = await this.db.query(
      `SELECT * FROM quality_suites WHERE data_source_id = $1 ORDER BY created_at, name`,
      [dataSourceId],
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<SuiteView | null> {
    const rows: SuiteRow[] = await this.db.query(`SELECT * FROM quality_suites WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async autoValidated(dataSourceId: string): Promise<SuiteView[]> {
    const rows: SuiteRow[] = await this.db.query(
      `SELECT * FROM quality_suites WHERE data_source_id = $1 AND auto_validate ORDER BY created_at`,
      [dataSourceId],
    );
    return rows.map(toView);
  }
}
