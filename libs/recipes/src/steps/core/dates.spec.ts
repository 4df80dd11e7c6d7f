import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { d: 'DATE', s: 'VARCHAR', t: 'TIMESTAMP' },
  rows: [
    ['2023-10-01', '01/10/2023 06:30', '2023-10-02 12:00:00'],
    ['2023-09-30', '30/09/2023 23:00', '2023-10-01 00:00:00'],
    ['2024-01-01', 'not a date', null],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

describe('date steps', () => {
  it('extracts the water year with an October start by default, and a configurable start', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'dates.extract', params: { column: 'd', part: 'water_year' } },
      {
        op: 'dates.extract',
        params: { column: 'd', part: 'water_year', startMonth: 1, as: 'calendar' },
      },
      {
        op: 'dates.extract',
        params: { column: 'd', part: 'water_year', startMonth: 4, as: 'april' },
      },
    ]);
    expect(out.rows.map((r) => r.d_water_year)).toEqual([2024, 2023, 2024]);
    expect(out.rows.map((r) => r.calendar)).toEqual([2023, 2023, 2024]);
    expect(out.rows.map((r) => r.april)).toEqual([2024, 2024, 2024]);
    expect(out.types.d_water_year).toBe('integer');
  });

  it('extracts calendar parts', async () => {
    const parts = ['year', 'month', 'day', 'weekday', 'hour', 'day_of_year', 'iso_week', 'quarter'];
    const out = await duck.run(
      registry,
      frame,
      parts.map((part) => ({ op: 'dates.extract', params: { column: 't', part } })),
    );
    expect(out.rows[0]).toMatchObject({
      ...{ t_year: 2023, t_month: 10, t_day: 2, t_weekday: 1, t_hour: 12 },
      ...{ t_day_of_year: 275, t_iso_week: 40, t_quarter: 4 },
    });
  });

  it('parses text with a format and measures differences', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'dates.parse', params: { column: 's', format: '%d/%m/%Y %H:%M' } },
      { op: 'dates.diff', params: { start: 'd', end: 's', unit: 'hours', as: 'h' } },
      { op: 'dates.diff', params: { start: 'd', end: 't', unit: 'days', as: 'days' } },
    ]);
    expect(out.types.s).toBe('timestamp');
    expect(out.rows.map((r) => r.s)).toEqual(['2023-10-01 06:30:00', '2023-09-30 23:00:00', null]);
    expect(out.rows.map((r) => r.h)).toEqual([6.5, 23, null]);
    expect(out.rows.map((r) => r.days)).toEqual([1.5, 1, null]);
  });

  it('names a column of the wrong type and a bad part or format', async () => {
    await expect(
      duck.run(registry, frame, [{ op: 'dates.extract', params: { column: 's', part: 'year' } }]),
    ).rejects.toThrow(/column "s" is string; this step needs date or timestamp/);
    await expect(
      duck.run(registry, frame, [
        { op: 'dates.extract', params: { column: 'd', part: 'century' } },
      ]),
    ).rejects.toThrow(/"part" must be one of/);
    await expect(
      duck.run(registry, frame, [{ op: 'dates.extract', params: { column: 'd', part: 'hour' } }]),
    ).rejects.toThrow(/column "d" is a date without a time of day: "hour" needs a timestamp/);
    const hours = await duck.run(registry, frame, [
      { op: 'dates.extract', params: { column: 't', part: 'hour' } },
    ]);
    expect(hours.rows.map((r) => r.t_hour)).toEqual([12, 0, null]);
    await expect(
      duck.run(registry, frame, [{ op: 'dates.parse', params: { column: 's', format: 'dd/mm' } }]),
    ).rejects.toThrow(/strftime format/);
  });
});
