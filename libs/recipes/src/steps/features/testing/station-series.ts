import type { Frame, FeatureDuck } from './feature-duck.js';

// Two stations, rows interleaved and out of order; station A misses 2024-01-04.
export const stationSeries: Frame = {
  columns: { station: 'VARCHAR', day: 'DATE', x: 'DOUBLE', rain: 'DOUBLE' },
  rows: [
    ['B', '2024-01-02', 20, 1],
    ['A', '2024-01-01', 1, 0],
    ['A', '2024-01-03', 3, 3],
    ['B', '2024-01-01', 10, 0],
    ['A', '2024-01-02', 2, 2],
    ['A', '2024-01-06', 6, 4],
    ['B', '2024-01-03', 30, 0],
    ['A', '2024-01-05', 5, 0],
  ],
};

/** The series' time order, per station. */
export const stationOrder = { orderBy: 'day', partitionBy: ['station'] };

/** Values of `name` by station in time order after `steps` over the series: {A: [...], B: [...]}. */
export async function valuesByStation(
  duck: FeatureDuck,
  steps: Parameters<FeatureDuck['run']>[1],
  name: string,
): Promise<Record<string, unknown[]>> {
  const { rows } = await duck.run(stationSeries, steps);
  const sorted = [...rows].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const out: Record<string, unknown[]> = { A: [], B: [] };
  for (const r of sorted) out[String(r.station)].push(r[name]);
  return out;
}
