#!/usr/bin/python3
"""Graded responses of a one-lever sweep (docs/VALIDATION.md, "The whole district").

Usage: /usr/bin/python3 analysis/graded_response.py SWEEP_DIR [SWEEP_DIR ...]
           [--outcome NAME ...] [--markdown]

SWEEP_DIR is a folder written by `zhili sweep` over one factor and analysed
by `zhili analyze` (it reads SWEEP_DIR/analysis/points.csv: the replicate
mean and 95 % interval of each outcome column at each value of the factor,
and SWEEP_DIR/summary.csv for the runs' seeds and values).
For each outcome (default: conflict_rate:mean, incident_month_rate:mean,
largest_incident:mean, participation_rate:mean) it prints the means with their intervals along the
factor and the three criteria of a graded response:
  monotone      every step between adjacent values has the same sign;
  largest step  the largest of those steps as a share of the total change
                (at most 50 %);
  distinct      every intermediate value differs from both ends beyond
                replicate noise: with common seeds (`seeds: common`, one
                seed per replicate at every point) the 95 % t interval of
                the paired differences excludes 0; otherwise the two
                points' intervals do not overlap.
Exit status 0 when every criterion holds for every outcome, 1 when one does
not, 2 on bad input.
"""
import argparse
import csv
from pathlib import Path

from zhili_run import RunError, run_script

DEFAULT_OUTCOMES = ["conflict_rate:mean", "incident_month_rate:mean", "largest_incident:mean",
                    "participation_rate:mean"]


def read_points(folder):
    path = Path(folder) / "analysis" / "points.csv"
    if not path.is_file():
        raise RunError(f"{path}: no such file (run `zhili analyze {folder}` first)")
    with open(path, newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        base = {"point", "outcome", "n", "mean", "sd", "ci_lo", "ci_hi"}
        factors = [f for f in fields if f not in base]
        if not base <= set(fields) or len(factors) != 1:
            raise RunError(f"{path}: expected the points of a sweep over one factor "
                           f"(columns point,<factor>,outcome,n,mean,sd,ci_lo,ci_hi)")
        rows = {}
        for line, row in enumerate(reader, start=2):
            try:
                x = float(row[factors[0]])
                rows.setdefault(row["outcome"], []).append(
                    (x, float(row["mean"]), float(row["ci_lo"]), float(row["ci_hi"])))
            except ValueError:
                raise RunError(f"{path}:{line}: not a number")
    for v in rows.values():
        v.sort()
    return factors[0], rows


# Student t quantiles for 95 % two-sided intervals, by degrees of freedom (1-30); 1.96 beyond.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
        2.045, 2.042]


def paired_runs(folder, factor):
    """{outcome: {x: [value by replicate]}} when every replicate has one seed at every point, else None."""
    path = Path(folder) / "summary.csv"
    if not path.is_file():
        return None
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    seeds = {}
    for row in rows:
        seeds.setdefault(row["replicate"], set()).add(row["seed"])
    if not rows or any(len(v) != 1 for v in seeds.values()):
        return None
    out = {}
    for row in rows:
        x, rep = float(row[factor]), int(row["replicate"])
        for name, value in row.items():
            if ":" in name:
                out.setdefault(name, {}).setdefault(x, {})[rep] = float(value)
    return {name: {x: [v[r] for r in sorted(v)] for x, v in by_x.items()} for name, by_x in out.items()}


def apart_paired(a, b):
    """The 95 % t interval of the replicates' differences a - b excludes 0."""
    d = [x - y for x, y in zip(a, b)]
    n = len(d)
    if n < 2:
        return False
    mean = sum(d) / n
    sd = (sum((x - mean) ** 2 for x in d) / (n - 1)) ** 0.5
    half = (T975[n - 2] if n - 1 <= len(T975) else 1.96) * sd / n ** 0.5
    return abs(mean) > half


def judge(points, paired=None):
    means = [p[1] for p in points]
    steps = [b - a for a, b in zip(means, means[1:])]
    total = means[-1] - means[0]
    monotone = all(s > 0 for s in steps) or all(s < 0 for s in steps)
    largest = max(abs(s) for s in steps) / abs(total) if total else float("inf")
    if paired is not None:
        apart = lambda p, e: apart_paired(paired[p[0]], paired[e[0]])
    else:
        apart = lambda p, e: p[3] < e[2] or p[2] > e[3]  # the two intervals do not overlap
    distinct = all(apart(p, points[0]) and apart(p, points[-1]) for p in points[1:-1])
    return monotone, largest, distinct


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="Criteria and exit status: see the module docstring.")
    ap.add_argument("sweeps", nargs="+", metavar="SWEEP_DIR")
    ap.add_argument("--outcome", action="append", help="outcome column (repeatable)")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = ap.parse_args()
    outcomes = args.outcome or DEFAULT_OUTCOMES
    ok = True
    for folder in args.sweeps:
        factor, rows = read_points(folder)
        paired = paired_runs(folder, factor)
        xs = [p[0] for p in next(iter(rows.values()))]
        how = "paired replicates (common seeds)" if paired else "independent replicates"
        print(f"\n{folder}: {factor}, {how}" if not args.markdown else f"\n**{factor}** ({folder}; {how})\n")
        if args.markdown:
            print("| outcome | " + " | ".join(f"{x:g}" for x in xs) + " | monotone | largest step | distinct |")
            print("|---" * (len(xs) + 4) + "|")
        for name in outcomes:
            if name not in rows:
                raise RunError(f"{folder}: no outcome {name} in its points (the sweep's outcomes lack it)")
            pts = rows[name]
            monotone, largest, distinct = judge(pts, paired.get(name) if paired else None)
            ok = ok and monotone and largest <= 0.5 and distinct
            cells = [f"{p[1]:.3g} [{p[2]:.3g}, {p[3]:.3g}]" for p in pts]
            verdict = [("yes" if monotone else "NO"), f"{largest * 100:.0f} %", ("yes" if distinct else "NO")]
            if args.markdown:
                print(f"| {name} | " + " | ".join(cells) + " | " + " | ".join(verdict) + " |")
            else:
                print(f"  {name}: " + "  ".join(cells))
                print(f"    monotone {verdict[0]}, largest step {verdict[1]} of the change, "
                      f"intermediates distinct from both ends {verdict[2]}")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    run_script(main)
