import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckEngine } from '../../engine/duck-engine.js';
import type { ColumnType } from '@hydroml/contracts';
import { datetimeSteps, monotonicity } from './pass-order.js';
import { kindOf, type BasicStats } from './profile.internal.js';

describe('datetimeSteps', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steps-'));
    engine = await DuckEngine.create({ threads: 1, memoryLimit: '256MiB', tempDir: dir });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  const steps = (values: string[]) =>
    engine.use((c) =>
      datetimeSteps(
        c,
        `(SELECT v::TIMESTAMP AS t FROM (VALUES ${values.map((v) => `('${v}')`).join(', ')}) x(v))`,
        't',
      ),
    );

  it('gives the most common step, irregular steps and the largest gaps, largest first', async () => {
    const hours = [0, 1, 2, 5, 6, 7, 10, 11, 14, 20, 21];
    const values = hours.map((h) => `2024-01-0${1 + Math.floor(h / 24)} ${h % 24}:00:00`);
    // Repeats and nulls are not steps.
    const s = await steps([...values, values[3]]);
    expect(s).toEqual({
      step: 3600,
      irregularSteps: 4,
      gaps: 4,
      largestGaps: [
        { from: '2024-01-01 14:00:00', to: '2024-01-01 20:00:00', seconds: 21600 },
        { from: '2024-01-01 02:00:00', to: '2024-01-01 05:00:00', seconds: 10800 },
        { from: '2024-01-01 07:00:00', to: '2024-01-01 10:00:00', seconds: 10800 },
        { from: '2024-01-01 11:00:00', to: '2024-01-01 14:00:00', seconds: 10800 },
      ],
    });
  });

  it('breaks a tie between step counts with the smaller step, and keeps five gaps', async () => {
    const minutes = [0, 10, 20, 30, 35, 40, 45, 60, 80, 105, 135, 170];
    const s = await steps(minutes.map((m) => `2024-01-01 ${Math.floor(m / 60)}:${m % 60}:00`));
    expect(s.step).toBe(300);
    expect(s.irregularSteps).toBe(8);
    expect(s.largestGaps.map((g) => g.seconds)).toEqual([2100, 1800, 1500, 1200, 900]);
  });

  it('has no step for a single value', async () => {
    expect(await steps(['2024-01-01'])).toEqual({
      step: null,
      irregularSteps: 0,
      gaps: 0,
      largestGaps: [],
    });
  });

  const column = (name: string, type: ColumnType): BasicStats => ({
    ...{ column: { name, type, sourceType: '' }, kind: kindOf(type), count: 2, distinct: 2 },
    ...{ distinctApproximate: false, nullLike: [] },
  });

  it('classifies monotonicity over every row, beyond the first ones too', async () => {
    // 30,000 rows: `late` rises until row 20,000 then drops once; `wave` goes up and down early;
    // `up` rises with nulls in between; `flat` never falls but repeats; `down` falls.
    const rows = `SELECT i AS __hydroml_rid, CASE WHEN i = 20000 THEN -1 ELSE i END AS late,
      (i % 7)::DOUBLE AS wave, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 2 END AS up,
      i // 10 AS flat, TIMESTAMP '2030-01-01' - INTERVAL (i) MINUTE AS down FROM range(30000) t(i)`;
    const columns = [
      ...(['late', 'wave', 'up', 'flat'] as const).map((n) => column(n, 'integer')),
      column('down', 'timestamp'),
    ];
    const run = (limit: number) =>
      engine.use((c) =>
        monotonicity(c, `(SELECT * FROM (${rows}) WHERE __hydroml_rid < ${limit})`, columns),
      );
    expect(Object.fromEntries(await run(30000))).toEqual({
      late: 'none',
      wave: 'none',
      up: 'strictly_increasing',
      flat: 'increasing',
      down: 'strictly_decreasing',
    });
    expect((await run(500)).get('late')).toBe('strictly_increasing');
  });
});
