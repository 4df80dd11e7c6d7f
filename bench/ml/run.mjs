// HydroML ML benchmark: our libs/ml against scikit-learn, both measured in the same run on the
// same CSV files, job by job (ours, then scikit-learn's) so load changes on a shared machine hit
// both sides alike. Wall and CPU times are printed.
// On the 200,000-row sets both sides also predict all 200,000 rows (the fitted model, timed once).
// Usage: node bench/ml/run.mjs [--full] [--sk-threads=N] [--threads=N] [--rf-jobs=N]
//   --full          also fits the 100-tree random forests on 200,000 rows (scikit-learn needs minutes)
//   --sk-threads=N  OpenMP threads for scikit-learn's gradient boosting (default 1; the random
//                   forest always uses n_jobs=2)
//   --threads=N     our worker threads for boosting (nThreads, fit and predict); default 1
//   --rf-jobs=N     our worker threads for random forests (nJobs, fit and predict); default 2, as
//                   scikit-learn's n_jobs=2
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareData, readCsv } from './data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const python = '/usr/bin/python3';
const args = process.argv.slice(2);
const full = args.includes('--full');
const option = (name, fallback) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.split('=')[1] : fallback;
};
const skThreads = option('sk-threads', '1');
const threads = Number(option('threads', '1'));
const rfJobs = Number(option('rf-jobs', '2'));

const probe = spawnSync(python, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.log('scikit-learn is not installed, so there is nothing to compare against.');
  console.log('Install it with: apt-get install -y python3-sklearn python3-pandas');
  process.exit(0);
}
const dist = join(here, '..', '..', 'libs', 'ml', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.log('libs/ml is not built: run `npx tsc -b libs/ml` (or `npm run build`) first.');
  process.exit(1);
}
const ml = await import(dist);

const { sets, seattle } = prepareData(join(tmpdir(), 'hydroml-bench-ml'), [10_000, 200_000]);
const jobs = [];
for (const set of sets) {
  for (const model of ['rf', 'hgb', 'linear']) {
    if (model === 'rf' && set.n > 10_000 && !full) continue;
    jobs.push({ id: jobs.length, set, model, task: set.task, csv: set.csv, nTrain: set.nTrain });
  }
}

function makeModel(model, task) {
  const reg = task === 'regression';
  if (model === 'rf') {
    const opts = { nEstimators: 100, nJobs: rfJobs };
    return reg ? new ml.RandomForestRegressor(opts) : new ml.RandomForestClassifier(opts);
  }
  if (model === 'hgb') {
    const opts = { nThreads: threads };
    return reg
      ? new ml.HistGradientBoostingRegressor(opts)
      : new ml.HistGradientBoostingClassifier(opts);
  }
  return reg ? new ml.Ridge() : new ml.LogisticRegression();
}

function splitData(csv, nTrain) {
  const { X, y, n, p } = readCsv(csv);
  const all = new ml.DenseMatrix(n, p, X);
  const idx = (from, to) => Uint32Array.from({ length: to - from }, (_, k) => from + k);
  return {
    all,
    XTrain: all.selectRows(idx(0, nTrain)),
    yTrain: y.slice(0, nTrain),
    XTest: all.selectRows(idx(nTrain, n)),
    yTest: y.slice(nTrain),
  };
}

const ours = new Map();
const theirs = new Map();
let cached = { csv: null, data: null };
for (const job of jobs) {
  if (cached.csv !== job.csv) cached = { csv: job.csv, data: splitData(job.csv, job.nTrain) };
  const d = cached.data;
  // fits under 0.5 s are timed best of 3 on both sides, so JIT warm-up and timer noise do not dominate
  let model;
  let fit = Infinity;
  let cpu = Infinity;
  for (let rep = 0; rep < 3 && (rep === 0 || fit < 0.5); rep++) {
    model = makeModel(job.model, job.task);
    const start = performance.now();
    const c0 = process.cpuUsage();
    model.fit(d.XTrain, d.yTrain);
    fit = Math.min(fit, (performance.now() - start) / 1000);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  let t0 = performance.now();
  const pred = model.predict(d.XTest);
  const predict = (performance.now() - t0) / 1000;
  const score =
    job.task === 'regression' ? ml.metrics.r2(d.yTest, pred) : ml.metrics.accuracy(d.yTest, pred);
  let predictAll = NaN;
  if (job.set.n === 200_000) {
    t0 = performance.now();
    model.predict(d.all);
    predictAll = (performance.now() - t0) / 1000;
  }
  ours.set(job.id, { fit, cpu, predict, score, predictAll });
  const t = runSklearn(job);
  theirs.set(job.id, t);
  process.stderr.write(
    `${job.set.name} ${job.model}: ours ${fit.toFixed(2)} s, scikit-learn ${t.fit.toFixed(2)} s\n`,
  );
}

function runSklearn({ id, model, task, csv, nTrain, set: { n } }) {
  const sk = spawnSync(python, [join(here, 'sklearn_side.py')], {
    input: JSON.stringify([{ id, model, task, csv, nTrain, predictAll: n === 200_000 }]),
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: skThreads },
    maxBuffer: 1 << 24,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (sk.status !== 0) {
    console.error('scikit-learn side failed');
    process.exit(1);
  }
  return JSON.parse(sk.stdout.trim());
}

const names = { rf: 'random forest (100)', hgb: 'hist grad boosting', linear: 'ridge / logistic' };
const rows = jobs.map((job) => {
  const a = ours.get(job.id);
  const b = theirs.get(job.id);
  return {
    data: job.set.name,
    model: names[job.model],
    'ours fit s': a.fit.toFixed(3),
    'sklearn fit s': b.fit.toFixed(3),
    ratio: (a.fit / b.fit).toFixed(2),
    'ours cpu s': a.cpu.toFixed(3),
    'sklearn cpu s': b.cpu.toFixed(3),
    'cpu ratio': (a.cpu / b.cpu).toFixed(2),
    metric: job.task === 'regression' ? 'R²' : 'accuracy',
    ours: a.score.toFixed(4),
    sklearn: b.score.toFixed(4),
    delta: (a.score - b.score).toFixed(4),
    'predict 200k s': Number.isNaN(a.predictAll) ? '' : a.predictAll.toFixed(3),
    'sklearn predict 200k s': b.predictAll === undefined ? '' : b.predictAll.toFixed(3),
  };
});
console.log(
  `scikit-learn: OMP_NUM_THREADS=${skThreads}, random forest n_jobs=2; ours: boosting ${threads} ` +
    `thread(s), random forest nJobs=${rfJobs}. ` +
    'Fits under 0.5 s: best of 3. Ratio = ours / scikit-learn.',
);
console.table(rows);
if (!full)
  console.log(
    'random forests on 200,000 rows skipped (add --full; scikit-learn needs minutes there)',
  );
if (!seattle)
  console.log('Seattle weather skipped: the vega-datasets npm package is not installed');
