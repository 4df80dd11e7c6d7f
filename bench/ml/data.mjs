// Benchmark data sets: synthetic regression/classification tables and Seattle weather, as CSV.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32) and a Box-Muller normal. */
function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next() + 1e-300)) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** 20 features; target = linear part on 10 features + non-linear terms + noise. */
function synthetic(n, task, seed) {
  const r = rng(seed);
  const p = 20;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: p }, () => r.normal());
    let s = 0;
    for (let j = 0; j < 10; j++) s += (j + 1) * 0.3 * x[j];
    s += 3 * Math.sin(2 * x[0]) + x[1] * x[2] + 2 * Math.abs(x[3]);
    const y = task === 'regression' ? s + r.normal() : s + 2 * r.normal() > 2 ? 1 : 0;
    rows.push([...x.map((v) => v.toFixed(6)), task === 'regression' ? y.toFixed(6) : y]);
  }
  const header = [...Array.from({ length: p }, (_, j) => `x${j}`), 'y'];
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

function findSeattle() {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('vega-datasets/package.json');
    const file = join(pkg, '..', 'data', 'seattle-weather.csv');
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Next day's temp_max from lagged weather (7 lags of temp_max, 1 of the rest, season). */
function seattle(file) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const head = lines[0].split(',');
  const col = (name) => head.indexOf(name);
  const recs = lines.slice(1).map((l) => l.split(','));
  const tmax = recs.map((r) => Number(r[col('temp_max')]));
  const out = [];
  for (let t = 7; t < recs.length - 1; t++) {
    const day = new Date(recs[t][col('date')]);
    const doy = (day - new Date(day.getFullYear(), 0, 0)) / 86400000;
    const feats = [
      ...Array.from({ length: 7 }, (_, k) => tmax[t - k]),
      Number(recs[t][col('temp_min')]),
      Number(recs[t][col('precipitation')]),
      Number(recs[t][col('wind')]),
      Math.sin((2 * Math.PI * doy) / 365.25),
      Math.cos((2 * Math.PI * doy) / 365.25),
    ];
    out.push([...feats, tmax[t + 1]].join(','));
  }
  const header = [...Array.from({ length: 12 }, (_, j) => `f${j}`), 'y'].join(',');
  return { csv: `${header}\n${out.join('\n')}\n`, rows: out.length };
}

/** Writes the CSV files once and lists the data sets (80 % train, last 20 % test). */
export function prepareData(dir, sizes) {
  mkdirSync(dir, { recursive: true });
  const sets = [];
  for (const n of sizes) {
    for (const task of ['regression', 'classification']) {
      const csv = join(dir, `${task}-${n}.csv`);
      if (!existsSync(csv))
        writeFileSync(csv, synthetic(n, task, n + (task === 'regression' ? 1 : 2)));
      sets.push({ name: `synthetic ${task} ${n}`, task, csv, n, nTrain: Math.floor(n * 0.8) });
    }
  }
  const file = findSeattle();
  if (file) {
    const { csv, rows } = seattle(file);
    const path = join(dir, 'seattle.csv');
    writeFileSync(path, csv);
    sets.push({
      name: 'seattle next-day temp_max',
      task: 'regression',
      csv: path,
      n: rows,
      nTrain: Math.floor(rows * 0.8),
    });
  }
  return { sets, seattle: file !== null };
}

/** Parses a numeric CSV written by prepareData into columns. */
export function readCsv(path) {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const p = lines[0].split(',').length - 1;
  const n = lines.length - 1;
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const parts = lines[i + 1].split(',');
    for (let j = 0; j < p; j++) X[j * n + i] = Number(parts[j]);
    y[i] = Number(parts[p]);
  }
  return { X, y, n, p };
}
