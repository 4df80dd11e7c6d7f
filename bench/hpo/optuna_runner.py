"""Runs Optuna on the benchmark functions of bench/hpo/functions.mjs (same definitions).

Usage: python3 optuna_runner.py quality '<json>'   -> JSON list of results on stdout
       python3 optuna_runner.py overhead '<json>'  -> JSON {sampler: seconds per trial}
"""
import json
import math
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
     [17, 8, 0.05, 10, 0.1, 14]]
P = [[v * 1e-4 for v in row] for row in [[1312, 1696, 5569, 124, 8283, 5886],
                                         [2329, 4135, 8307, 3736, 1004, 9991],
                                         [2348, 1451, 3522, 2883, 3047, 6650],
                                         [4047, 8828, 8732, 5743, 1091, 381]]]


def floats(trial, n, low, high):
    return [trial.suggest_float(f"x{i}", low, high) for i in range(n)]


def branin(trial):
    x1 = trial.suggest_float("x0", -5, 10)
    x2 = trial.suggest_float("x1", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = floats(trial, 6, 0, 1)
    total = 0.0
    for i in range(4):
        inner = sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))
        total += ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock10(trial):
    x = floats(trial, 10, -5, 10)
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(9))


def ackley5(trial):
    x = floats(trial, 5, -32.768, 32.768)
    n = len(x)
    sq = sum(v * v for v in x) / n
    cs = sum(math.cos(2 * math.pi * v) for v in x) / n
    return -20 * math.exp(-0.2 * math.sqrt(sq)) - math.exp(cs) + 20 + math.e


def mixed(trial):
    x = trial.suggest_float("x", -5, 5)
    kind = trial.suggest_categorical("kind", ["quad", "abs", "const"])
    if kind == "quad":
        k = trial.suggest_int("k", 0, 10)
        return (x - 1) ** 2 + 0.5 * (k - 7) ** 2
    if kind == "abs":
        s = trial.suggest_float("s", 0.1, 10, log=True)
        return 1 + abs(x) * s
    return 3


FUNCTIONS = {f.__name__: f for f in [branin, hartmann6, rosenbrock10, ackley5, mixed]}


def make_sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    return optuna.samplers.TPESampler(seed=seed)


def quality(cfg):
    out = []
    for fn in cfg["functions"]:
        for sampler in cfg["samplers"]:
            for seed in cfg["seeds"]:
                study = optuna.create_study(sampler=make_sampler(sampler, seed))
                study.optimize(FUNCTIONS[fn], n_trials=max(cfg["budgets"]))
                values = [t.value for t in study.trials]
                bests = {str(b): min(values[:b]) for b in cfg["budgets"]}
                out.append({"function": fn, "sampler": sampler, "seed": seed, "best": bests})
    return out


def overhead(cfg):
    result = {}
    for sampler in cfg["samplers"]:
        study = optuna.create_study(sampler=make_sampler(sampler, 0))
        start = time.perf_counter()
        for _ in range(cfg["n_trials"]):
            trial = study.ask()
            x = trial.suggest_float("x", -5, 10)
            y = trial.suggest_float("y", 0, 15)
            study.tell(trial, (x - 1) ** 2 + (y - 2) ** 2)
        result[sampler] = (time.perf_counter() - start) / cfg["n_trials"]
    return result


if __name__ == "__main__":
    mode, cfg = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps(quality(cfg) if mode == "quality" else overhead(cfg)))
