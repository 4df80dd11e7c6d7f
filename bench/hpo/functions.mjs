// Standard test functions (minimisation), defined identically in optuna_runner.py.
// Each: { name, dim label, optimum, objective(trial) } where trial is an @hydroml/hpo Trial.

const HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2];
const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));

async function floats(trial, n, low, high) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await trial.suggestFloat(`x${i}`, low, high));
  return xs;
}

export const FUNCTIONS = [
  {
    name: 'branin',
    label: 'Branin (2-D)',
    optimum: 0.397887,
    async objective(trial) {
      const x1 = await trial.suggestFloat('x0', -5, 10);
      const x2 = await trial.suggestFloat('x1', 0, 15);
      const b = 5.1 / (4 * Math.PI ** 2);
      const c = 5 / Math.PI;
      const t = 1 / (8 * Math.PI);
      return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
    },
  },
  {
    name: 'hartmann6',
    label: 'Hartmann-6',
    optimum: -3.32237,
    async objective(trial) {
      const x = await floats(trial, 6, 0, 1);
      let total = 0;
      for (let i = 0; i < 4; i++) {
        let inner = 0;
        for (let j = 0; j < 6; j++) inner += HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2;
        total += HARTMANN_ALPHA[i] * Math.exp(-inner);
      }
      return -total;
    },
  },
  {
    name: 'rosenbrock10',
    label: 'Rosenbrock (10-D)',
    optimum: 0,
    async objective(trial) {
      const x = await floats(trial, 10, -5, 10);
      let total = 0;
      for (let i = 0; i < 9; i++) total += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
      return total;
    },
  },
  {
    name: 'ackley5',
    label: 'Ackley (5-D)',
    optimum: 0,
    async objective(trial) {
      const x = await floats(trial, 5, -32.768, 32.768);
      const n = x.length;
      const sq = x.reduce((s, v) => s + v * v, 0) / n;
      const cos = x.reduce((s, v) => s + Math.cos(2 * Math.PI * v), 0) / n;
      return -20 * Math.exp(-0.2 * Math.sqrt(sq)) - Math.exp(cos) + 20 + Math.E;
    },
  },
  {
    name: 'mixed',
    label: 'Mixed (categorical + conditional)',
    optimum: 0,
    async objective(trial) {
      const x = await trial.suggestFloat('x', -5, 5);
      const kind = await trial.suggestCategorical('kind', ['quad', 'abs', 'const']);
      if (kind === 'quad') {
        const k = await trial.suggestInt('k', 0, 10);
        return (x - 1) ** 2 + 0.5 * (k - 7) ** 2;
      }
      if (kind === 'abs') {
        const s = await trial.suggestFloat('s', 0.1, 10, { log: true });
        return 1 + Math.abs(x) * s;
      }
      return 3;
    },
  },
];
