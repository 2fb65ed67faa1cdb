#!/usr/bin/python3
"""analysis/zhili_summary.py on a small sweep made here: the frame from
summary.h5 equals the CSV's, cell for cell, with the types documented.

    read_summary_test.py ZHILI_EXE SOURCE_DIR WORK_DIR   (run by ctest)
"""
import math
import shutil
import subprocess
import sys
from pathlib import Path

zhili, source, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
sys.path.insert(0, str(source / "analysis"))
from zhili_summary import read_summary  # noqa: E402

import pandas as pd  # noqa: E402

shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
sweep = work / "sweep.yaml"
sweep.write_text(
    f"base: {source}/tests/data/small.yaml\n"
    "overrides: [run.steps=2, population.households=2000]\n"
    "factors:\n"
    "  policy.hukou.openness: [0.2, 0.8]\n"
    "  relocation.min_same_share: [0.3, 0.5]\n"
    "replicates: 2\n"
    "outcomes: [migrant_share, population_by_registration]\n"
)
out = work / "out"
subprocess.run([zhili, "sweep", str(sweep), "-o", str(out), "--summary-only", "--quiet"], check=True)

h5 = read_summary(out)
csv_only = work / "csv_only"
csv_only.mkdir()
shutil.copy(out / "summary.csv", csv_only / "summary.csv")
csv = read_summary(csv_only)

header = (out / "summary.csv").read_text().splitlines()[0].split(",")
assert list(h5.columns) == header, (list(h5.columns), header)
assert len(h5) == 8, len(h5)
assert "population_by_registration/migrant:final" in h5.columns  # '/' in a column name survives
assert h5["run"].dtype == "int64" and h5["seed"].dtype == "int64", h5.dtypes
assert h5["migrant_share:mean"].dtype == "float64"
assert list(h5["run"]) == list(range(8))
pd.testing.assert_frame_equal(h5, csv, check_exact=True)
assert not math.isnan(h5["migrant_share:final"].iloc[0])
print(f"read_summary: {len(h5)} rows x {len(h5.columns)} columns, h5 and csv equal")
