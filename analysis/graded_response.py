#!/usr/bin/python3
"""Graded responses of a one-lever sweep (docs/VALIDATION.md, "The whole district").

Usage: /usr/bin/python3 analysis/graded_response.py SWEEP_DIR [SWEEP_DIR ...]
           [--outcome NAME ...] [--markdown]

SWEEP_DIR is a folder written by `zhili sweep` over one factor and analysed
by `zhili analyze` (it reads SWEEP_DIR/analysis/points.csv: the replicate
mean and 95 % interval of each outcome column at each value of the factor).
For each outcome (default: conflict_rate:mean, incident_month_rate:mean,
participation_rate:mean) it prints the means with their intervals along the
factor and the three criteria of a graded response:
  monotone      every step between adjacent values has the same sign;
  largest step  the largest of those steps as a share of the total change
                (at most 50 %);
  distinct      every intermediate value's interval misses both ends'.
Exit status 0 when every criterion holds for every outcome, 1 when one does
not, 2 on bad input.
"""
import argparse
import csv
from pathlib import Path

from zhili_run import RunError, run_script

DEFAULT_OUTCOMES = ["conflict_rate:mean", "incident_month_rate:mean", "participation_rate:mean"]


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


def judge(points):
    means = [p[1] for p in points]
    steps = [b - a for a, b in zip(means, means[1:])]
    total = means[-1] - means[0]
    monotone = all(s > 0 for s in steps) or all(s < 0 for s in steps)
    largest = max(abs(s) for s in steps) / abs(total) if total else float("inf")
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
        xs = [p[0] for p in next(iter(rows.values()))]
        print(f"\n{folder}: {factor}" if not args.markdown else f"\n**{factor}** ({folder})\n")
        if args.markdown:
            print("| outcome | " + " | ".join(f"{x:g}" for x in xs) + " | monotone | largest step | distinct |")
            print("|---" * (len(xs) + 4) + "|")
        for name in outcomes:
            if name not in rows:
                raise RunError(f"{folder}: no outcome {name} in its points (the sweep's outcomes lack it)")
            pts = rows[name]
            monotone, largest, distinct = judge(pts)
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
