#!/usr/bin/env python3
"""ctest check: analysis/read_observable.py reads the sample files exactly.

    check_h5py.py READ_OBSERVABLE_PY SAMPLES_DIR

SAMPLES_DIR holds the files io_sample_writer made (tests/io/sample_writer.cpp):
sample_finished.h5 (37 steps) and sample_killed.h5 (25 steps written with
flush_every 10, then SIGKILL: 20 steps on disk). The expected values are the
formulas of tests/io/sample_run.cpp. Exits 77 (skipped) without h5py.
"""
import os
import subprocess
import sys

try:
    import h5py  # noqa: F401  (read_observable.py needs it)
except ImportError:
    print("h5py not importable: skipped")
    sys.exit(77)


def observable_value(step, column):  # sample_run.cpp: step + column / 7.0
    return float(step) + float(column) / 7.0


def date_of(step):  # monthly from 2017-01-01
    return f"{2017 + step // 12:04d}-{step % 12 + 1:02d}-01"


def read(script, path, name):
    out = subprocess.run([sys.executable, script, path, name], check=True, capture_output=True, text=True).stdout
    lines = [line.split("\t") for line in out.splitlines() if not line.startswith("#")]
    return lines[0], lines[1:]


def check(script, path, name, steps, first_column, labels):
    header, rows = read(script, path, name)
    problems = []
    if header != ["date", *labels]:
        problems.append(f"header {header}")
    if len(rows) != steps:
        problems.append(f"{len(rows)} rows, expected {steps}")
    for step, row in enumerate(rows[:steps]):
        if row[0] != date_of(step):
            problems.append(f"step {step}: date {row[0]}")
        for c, text in enumerate(row[1:]):
            if float(text) != observable_value(step, first_column + c):  # exact: repr round-trips
                problems.append(f"step {step} column {c}: {text}")
    return [f"{os.path.basename(path)} {name}: {p}" for p in problems[:5]]


def main(script, samples):
    breakdown = ["hukou_local", "hukou_migrant", "no_hukou"]
    cases = [("sample_finished.h5", 37), ("sample_killed.h5", 20)]
    problems, checks = [], 0
    for file, steps in cases:
        path = os.path.join(samples, file)
        for name, first, labels in [("population", 0, ["value"]), ("employment_share", 1, breakdown),
                                    ("mean_rent", 4, ["value"])]:
            found = check(script, path, name, steps, first, labels)
            checks += 1
            problems += found
    for p in problems:
        print("FAIL", p)
    failed = len({p.split(":")[0] for p in problems})
    print(f"{checks - failed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
