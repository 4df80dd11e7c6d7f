import { Injectable } from '@nestjs/common';
import type { CallContext, ChartData, ChartDto, ChartKind } from '@hydroml/contracts';
import { compileFilterModel, type SqlValue } from '@hydroml/recipes';
import { DatasetTargets } from '../dataset-targets.js';
import { GridCache, hashOf } from '../grid-cache.js';
import { GridQueries } from '../grid-queries.js';
import { fromRelation, type GridRelation } from '../grid-relation.js';
import { bar } from './bar.js';
import { box } from './box.js';
import type { ChartInput } from './chart-input.js';
import { correlation } from './correlation.js';
import { histogram } from './histogram.js';
import { line } from './line.js';
import { missing } from './missing.js';
import { scatter } from './scatter.js';

const CHARTS: Record<ChartKind, (input: ChartInput) => Promise<ChartData>> = {
  histogram,
  box,
  scatter,
  line,
  bar,
  correlation,
  missing,
};

/** Chart data as arrays ready for Plotly, over a version or a session head, cached by content. */
@Injectable()
export class ChartsService {
  constructor(
    private readonly targets: DatasetTargets,
    private readonly queries: GridQueries,
    private readonly cache: GridCache,
  ) {}

  async chart(call: CallContext, dto: ChartDto): Promise<ChartData> {
    const relation = await this.targets.resolve(call, dto);
    const options = { ...dto, dataSourceId: undefined, version: undefined, sessionId: undefined };
    const key = `chart:${relation.cacheKey}:${hashOf(options)}`;
    const cached = await this.cache.get<ChartData>(key);
    if (cached) return cached;
    const data = await CHARTS[dto.kind](this.input(relation, dto));
    await this.cache.set(key, data);
    return data;
  }

  /** The relation filtered by the chart's filter model, as a ChartInput. */
  private input(relation: GridRelation, dto: ChartDto): ChartInput {
    const base: SqlValue[] = [...relation.binds];
    const filter = compileFilterModel(dto.filterModel, relation.schema, (v) => {
      base.push(v);
      return `$${base.length}`;
    });
    const { prefix, from } = fromRelation(relation);
    const filtered = `(SELECT * FROM ${from} WHERE ${filter}) AS "__chart"`;
    return {
      schema: relation.schema,
      options: dto,
      query: (build) => {
        const binds = [...base];
        const sql = build(filtered, (v) => {
          binds.push(v);
          return `$${binds.length}`;
        });
        return this.queries.rows(`${prefix}${sql}`, binds);
      },
    };
  }
}
