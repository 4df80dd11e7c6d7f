"""scikit-learn side of bench/ml/run.mjs: fits the same models on the same CSV files.

Reads a JSON job list on stdin, prints one JSON result per job on stdout.
"""
import json
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score

MODELS = {
    ("rf", "regression"): lambda: RandomForestRegressor(n_estimators=100, n_jobs=2, random_state=0),
    ("rf", "classification"): lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0),
    ("hgb", "regression"): lambda: HistGradientBoostingRegressor(random_state=0),
    ("hgb", "classification"): lambda: HistGradientBoostingClassifier(random_state=0),
    ("linear", "regression"): lambda: Ridge(),
    ("linear", "classification"): lambda: LogisticRegression(),
}

cache = {}


def load(path, n_train):
    if path not in cache:
        data = np.loadtxt(path, delimiter=",", skiprows=1)
        X, y = data[:, :-1], data[:, -1]
        cache.clear()
        cache[path] = (X[:n_train], y[:n_train], X[n_train:], y[n_train:])
    return cache[path]


for job in json.load(sys.stdin):
    Xtr, ytr, Xte, yte = load(job["csv"], job["nTrain"])
    fit = float("inf")
    cpu = float("inf")
    for rep in range(3):
        if rep > 0 and fit >= 0.5:
            break
        model = MODELS[(job["model"], job["task"])]()
        t0 = time.perf_counter()
        c0 = time.process_time()
        model.fit(Xtr, ytr)
        fit = min(fit, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    t0 = time.perf_counter()
    pred = model.predict(Xte)
    predict = time.perf_counter() - t0
    score = r2_score(yte, pred) if job["task"] == "regression" else accuracy_score(yte, pred)
    result = {"id": job["id"], "fit": fit, "cpu": cpu, "predict": predict, "score": score}
    if job.get("predictAll"):
        Xall = np.concatenate([Xtr, Xte])
        t0 = time.perf_counter()
        model.predict(Xall)
        result["predictAll"] = time.perf_counter() - t0
    print(json.dumps(result), flush=True)
