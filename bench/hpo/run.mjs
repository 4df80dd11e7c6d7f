// Quality and overhead of @hydroml/hpo versus Optuna, both run here on the same functions.
// Usage: npx tsc -b libs/hpo && node bench/hpo/run.mjs
// Env: HPO_BENCH_SEEDS (default 20), HPO_BENCH_FUNCTIONS (comma list), HPO_BENCH_SHARDS (default 2).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FUNCTIONS } from './functions.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';
const BUDGETS = [50, 200];
const OVERHEAD_TRIALS = 1000;
const nSeeds = Number(process.env.HPO_BENCH_SEEDS ?? 20);
const shards = Number(process.env.HPO_BENCH_SHARDS ?? 2);
const wanted = process.env.HPO_BENCH_FUNCTIONS?.split(',');
const functions = FUNCTIONS.filter((f) => !wanted || wanted.includes(f.name));
const seeds = Array.from({ length: nSeeds }, (_, i) => i);

if (spawnSync(PYTHON, ['-c', 'import optuna']).status !== 0) {
  console.log('Optuna is not installed for /usr/bin/python3; install the reference with:');
  console.log('  apt-get install -y python3-optuna');
  process.exit(0);
}
const distEntry = join(here, '../../libs/hpo/dist/index.js');
if (!existsSync(distEntry)) {
  console.log('libs/hpo is not built; run: npx tsc -b libs/hpo');
  process.exit(1);
}
const hpo = await import(pathToFileURL(distEntry).href);

const OURS = {
  'hpo random': (seed) => new hpo.RandomSampler({ seed }),
  'hpo tpe': (seed) => new hpo.TpeSampler({ seed }),
  'hpo tpe optuna-mode': (seed) => new hpo.TpeSampler({ seed, ...hpo.OPTUNA_TPE_OPTIONS }),
};

function runPython(mode, cfg) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(here, 'optuna_runner.py'), mode, JSON.stringify(cfg)]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
  });
}

async function optunaQuality() {
  const parts = Array.from({ length: shards }, (_, s) => seeds.filter((x) => x % shards === s));
  const cfg = (part) => ({
    functions: functions.map((f) => f.name),
    samplers: ['random', 'tpe'],
    seeds: part,
    budgets: BUDGETS,
  });
  const results = await Promise.all(
    parts.filter((p) => p.length).map((p) => runPython('quality', cfg(p))),
  );
  return results.flat().map((r) => ({ ...r, sampler: `optuna ${r.sampler}` }));
}

async function oursQuality() {
  const out = [];
  for (const fn of functions) {
    for (const [sampler, make] of Object.entries(OURS)) {
      for (const seed of seeds) {
        const study = await hpo.createStudy({ sampler: make(seed) });
        await study.optimize((t) => fn.objective(t), { nTrials: Math.max(...BUDGETS) });
        const values = (await study.getTrials()).map((t) => t.values[0]);
        const best = Object.fromEntries(BUDGETS.map((b) => [b, Math.min(...values.slice(0, b))]));
        out.push({ function: fn.name, sampler, seed, best });
      }
      await new Promise((r) => setImmediate(r));
    }
  }
  return out;
}

async function oursOverhead() {
  const result = {};
  for (const [name, make] of [
    ['hpo random', () => new hpo.RandomSampler({ seed: 0 })],
    ['hpo tpe', () => new hpo.TpeSampler({ seed: 0 })],
  ]) {
    const study = await hpo.createStudy({ sampler: make() });
    const start = performance.now();
    for (let i = 0; i < OVERHEAD_TRIALS; i++) {
      const trial = await study.ask();
      const x = await trial.suggestFloat('x', -5, 10);
      const y = await trial.suggestFloat('y', 0, 15);
      await study.tell(trial.number, (x - 1) ** 2 + (y - 2) ** 2);
    }
    result[name] = (performance.now() - start) / 1000 / OVERHEAD_TRIALS;
  }
  return result;
}

function quantile(sorted, q) {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const fmt = (v) =>
  (Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.001)
    ? v.toExponential(3)
    : v.toFixed(4)
  ).padStart(11);

function printQuality(results) {
  const samplers = [...Object.keys(OURS), 'optuna random', 'optuna tpe'];
  const verdicts = [];
  for (const fn of functions) {
    for (const budget of BUDGETS) {
      console.log(
        `\n${fn.label}, ${budget} trials (optimum ${fn.optimum}), best value over ${nSeeds} seeds`,
      );
      console.log(
        `  ${'sampler'.padEnd(22)}${'q1'.padStart(11)}${'median'.padStart(11)}${'q3'.padStart(11)}`,
      );
      const medians = {};
      for (const sampler of samplers) {
        const v = results
          .filter((r) => r.function === fn.name && r.sampler === sampler)
          .map((r) => r.best[budget])
          .sort((a, b) => a - b);
        if (v.length === 0) continue;
        medians[sampler] = quantile(v, 0.5);
        console.log(
          `  ${sampler.padEnd(22)}${fmt(quantile(v, 0.25))}${fmt(medians[sampler])}${fmt(quantile(v, 0.75))}`,
        );
      }
      verdicts.push({
        fn: fn.label,
        budget,
        mv: medians['hpo tpe optuna-mode'],
        ours: medians['hpo tpe'],
        optuna: medians['optuna tpe'],
        random: medians['hpo random'],
      });
    }
  }
  return verdicts;
}

console.log(
  `HPO benchmark: ${functions.length} functions, budgets ${BUDGETS.join('/')}, ${nSeeds} seeds`,
);
const started = performance.now();
const [optuna, ours] = await Promise.all([optunaQuality(), oursQuality()]);
const verdicts = printQuality([...ours, ...optuna]);
console.log('\nTarget: hpo tpe median <= optuna tpe median (minimisation), and below random');
for (const v of verdicts) {
  const ok = v.ours <= v.optuna ? 'OK  ' : 'MISS';
  console.log(
    `  ${ok} ${v.fn.padEnd(36)} ${String(v.budget).padStart(4)}: hpo ${fmt(v.ours)}  optuna ${fmt(v.optuna)}  hpo random ${fmt(v.random)}  hpo optuna-mode ${fmt(v.mv)}`,
  );
}
const oursOh = await oursOverhead();
const optunaOh = await runPython('overhead', {
  samplers: ['random', 'tpe'],
  n_trials: OVERHEAD_TRIALS,
});
console.log(
  `\nask+tell overhead per trial over ${OVERHEAD_TRIALS} trials (2 params, in-memory storage)`,
);
for (const s of ['random', 'tpe']) {
  const a = oursOh[`hpo ${s}`] * 1000;
  const b = optunaOh[s] * 1000;
  console.log(
    `  ${s.padEnd(8)} hpo ${a.toFixed(3).padStart(8)} ms   optuna ${b.toFixed(3).padStart(8)} ms   ${a <= b ? 'OK' : 'MISS'}`,
  );
}
console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(1)} s`);
