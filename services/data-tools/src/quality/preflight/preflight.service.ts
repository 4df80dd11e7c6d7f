import { Injectable } from '@nestjs/common';
import type { CallContext, PreflightDto, PreflightResult } from '@hydroml/contracts';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { VersionRelations } from '../../versions/version-relations.js';
import { assessPreflight } from './preflight.rules.js';
import { preflightStats } from './preflight.stats.js';

/** Checks a version, a target and features before a training job (called by experiments). */
@Injectable()
export class PreflightService {
  constructor(
    private readonly relations: VersionRelations,
    private readonly engine: DuckEngine,
  ) {}

  async check(call: CallContext, dto: PreflightDto): Promise<PreflightResult> {
    const resolved = await this.relations.resolve(call, dto);
    const schema = resolved.entity.schema;
    const target = schema.find((col) => col.name === dto.target);
    if (!target) return targetNotFound(dto, Number(resolved.entity.rows));
    const features = dto.features ?? schema.map((col) => col.name).filter((n) => n !== dto.target);
    const source = `read_parquet(${sqlString(resolved.path)})`;
    const stats = await this.engine.use((c) => preflightStats(c, source, schema, target, features));
    return assessPreflight(stats, dto);
  }
}

function targetNotFound(dto: PreflightDto, rows: number): PreflightResult {
  return {
    ok: false,
    errors: [{ code: 'target_not_found', message: `no column ${dto.target}`, column: dto.target }],
    warnings: [],
    ...{ task: dto.task ?? 'regression', taskInferred: dto.task === undefined },
    ...{ usableFeatures: [], rows, rowsWithTarget: 0 },
  };
}
