"""Makes stats.csv and the pandas reference values in expected.json (run once; both committed).

    /usr/bin/python3 make_expected.py   # needs python3-pandas (apt-get install -y python3-pandas)

pandas conventions the profile must match: std/var with ddof=1, quantiles with linear
interpolation, skew = bias-corrected G1, kurt = bias-corrected excess kurtosis G2, corr with
pairwise-complete observations, duplicated() counting every repeat after the first.
"""
import json

import numpy as np
import pandas as pd

rng = np.random.default_rng(20261128)
n = 500
df = pd.DataFrame(
    {
        "normal": np.round(rng.normal(10, 2, n), 6),
        "offset": np.round(1e6 + rng.normal(0, 1, n), 6),
        "skewed": np.round(rng.lognormal(0, 1.2, n), 6),
        "counts": rng.integers(0, 21, n),
        "with_nulls": np.round(rng.normal(-3, 5, n), 6),
        "uniform": np.round(rng.uniform(-5, 5, n), 6),
        "category": rng.choice(["alpha", "beta", "gamma", "delta"], n, p=[0.55, 0.25, 0.15, 0.05]),
    }
)
df.loc[rng.choice(n, 50, replace=False), "with_nulls"] = np.nan
df.loc[[10, 20, 30, 40, 50]] = df.loc[[11, 21, 31, 41, 51]].values
df.to_csv("stats.csv", index=False)

# Read back exactly as a user's file would be.
df = pd.read_csv("stats.csv")
numeric = ["normal", "offset", "skewed", "counts", "with_nulls", "uniform"]
expected = {"rows": int(len(df)), "duplicates": int(df.duplicated().sum()), "columns": {}}
for name in numeric:
    s = df[name]
    q = s.quantile([0.05, 0.25, 0.5, 0.75, 0.95])
    expected["columns"][name] = {
        "count": int(s.count()),
        "mean": float(s.mean()),
        "std": float(s.std()),
        "variance": float(s.var()),
        "min": float(s.min()),
        "max": float(s.max()),
        "sum": float(s.sum()),
        "quantiles": [float(v) for v in q.values],
        "skewness": float(s.skew()),
        "kurtosis": float(s.kurt()),
        "zeros": int((s == 0).sum()),
        "negatives": int((s < 0).sum()),
        "distinct": int(s.nunique()),
    }
counts = df["category"].value_counts()
expected["columns"]["category"] = {
    "distinct": int(df["category"].nunique()),
    "top": [[str(k), int(v)] for k, v in counts.items()],
}
for method in ["pearson", "spearman"]:
    m = df[numeric].corr(method=method)
    expected[method] = {a: {b: float(m.loc[a, b]) for b in numeric} for a in numeric}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=1)
print("wrote stats.csv and expected.json:", pd.__version__)
