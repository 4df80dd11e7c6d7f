"""pandas reference for bench/quality: the work a pandas user does to profile a table.

    /usr/bin/python3 bench/quality/pandas_ref.py FILE.csv [date columns,comma-separated]

Reads the CSV (not timed), then times describe() (with the 5/25/50/75/95 % quantiles),
value_counts() of every text column, duplicated().sum() and corr() of the numeric columns.
Prints one JSON line: {"rows", "read_s", "describe_s", "value_counts_s", "duplicated_s",
"corr_s", "total_s"}.
"""
import json
import sys
import time

import pandas as pd

path = sys.argv[1]
dates = [c for c in (sys.argv[2].split(",") if len(sys.argv) > 2 else []) if c]
t0 = time.perf_counter()
df = pd.read_csv(path, parse_dates=dates)
read_s = time.perf_counter() - t0

timings = {}
t = time.perf_counter()
df.describe(percentiles=[0.05, 0.25, 0.5, 0.75, 0.95])
timings["describe_s"] = time.perf_counter() - t

t = time.perf_counter()
for name in df.select_dtypes(include=["object"]).columns:
    df[name].value_counts()
timings["value_counts_s"] = time.perf_counter() - t

t = time.perf_counter()
int(df.duplicated().sum())
timings["duplicated_s"] = time.perf_counter() - t

t = time.perf_counter()
df.select_dtypes(include=["number"]).corr()
timings["corr_s"] = time.perf_counter() - t

total = sum(timings.values())
print(json.dumps({"rows": len(df), "read_s": read_s, **timings, "total_s": total}))
