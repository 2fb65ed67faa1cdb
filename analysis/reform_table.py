#!/usr/bin/python3
"""Public services figures of zhili runs over one year, side by side.

    /usr/bin/python3 analysis/reform_table.py RUN.h5 [RUN.h5 ...] [--year 2019] [--outlets]

Made for the "at most one trip" reform (scenarios/reform/one-trip-before.yaml
and one-trip-after.yaml; docs/VALIDATION.md, "Public services"), but reads any
run with services.enabled. Prints a Markdown table, one column per run.

The result file holds one value per step (docs/FORMAT.md); a year's figure
combines the steps dated in that year:
  - coverage: completed over closed cases (completed + expired + refused),
    the monthly shares weighted by the month's closed cases;
  - trips per case, one-trip and online shares, mean days to completion:
    weighted by the month's completed cases; trips per case done in person
    leaves out the online cases (which take no trip);
  - coverage by group and in urban villages, the gap and the 90th percentile
    of days: the mean of the monthly values (the file has no closed cases by
    group or zone to weight with);
  - cases completed, refused and expired: sums over the year;
  - cost per case: the year's cost over the year's completed cases;
  - mean wait at outlets: weighted by visits; balked: balked visits over visits.
With --outlets, each run's outlets follow: visits, utilisation, mean wait,
balked and carried-over visits over the year.
The first row gives the steps dated in the year: a run that starts, ends or
was stopped within the year covers only part of it, its sums (cases, visits,
cost) are for those steps alone, and a note on stderr says so.
"""
import argparse
import sys

import numpy as np

from zhili_run import RunError, open_run, require_observables, run_script

# What the table reads: a run of services.enabled has them all.
NEEDED = ["cases_completed", "cases_expired", "cases_ineligible", "needs_arising", "coverage", "coverage_by_group",
          "coverage_gap", "coverage_by_zone", "trips_per_case", "online_share", "one_trip_share",
          "days_to_complete", "days_to_complete_p90", "outlet_utilisation", "service_cost"]


def year_rows(f, year):
    """The steps dated in `year` (a mask), and whether they run from January
    to December (else the run starts, ends or stopped within the year)."""
    dates = f["timeline"]["date"].asstr()[()]
    rows = np.array([d.startswith(f"{year}-") for d in dates], dtype=bool)
    if not rows.any():
        first, last = (dates[0], dates[-1]) if len(dates) else ("-", "-")
        raise RunError(f"{f.filename}: no step dated in {year} (the run holds {first} to {last})")
    held = dates[rows]
    return rows, bool(held[0][5:7] == "01" and held[-1][5:7] == "12")


def series(f, name, rows, label=None):
    element = f["observables"][name]
    values = element["value"][()]
    if label is not None:
        labels = [str(x) for x in element.attrs["labels"]]
        values = values[:, labels.index(label)]
    return values[rows]


def weighted(values, weights):
    ok = ~np.isnan(values) & (weights > 0)
    return float(np.sum(values[ok] * weights[ok]) / np.sum(weights[ok]))


def figures(path, year):
    with open_run(path) as f:
        if "cases_completed" not in f["observables"]:
            raise RunError(f"{path}: a run without public services (services.enabled: false): no table to make")
        require_observables(f, NEEDED, "the services table")
        if "entities" not in f or "outlets" not in f["entities"]:
            raise RunError(f"{path}: no /entities/outlets in this run, which the services table needs")
        rows, whole = year_rows(f, year)
        s = lambda name, label=None: series(f, name, rows, label)
        completed, expired, refused = s("cases_completed"), s("cases_expired"), s("cases_ineligible")
        closed = completed + expired + refused
        arising = s("needs_arising").sum()
        outlets = f["entities"]["outlets"]
        arrivals = outlets["arrivals"]["value"][()][rows]
        balked = outlets["balked"]["value"][()][rows]
        wait = outlets["wait"]["value"][()][rows]
        visits = arrivals.sum()
        waited = np.nansum(wait * arrivals)
        return {
            "name": str(f["run"].attrs.get("scenario_name", path)),
            "steps dated in the year": float(rows.sum()),
            "whole year": whole,
            "coverage": weighted(s("coverage"), closed),
            "coverage, registered": float(np.nanmean(s("coverage_by_group", "registered"))),
            "coverage, migrants": float(np.nanmean(s("coverage_by_group", "migrant"))),
            "coverage gap (registered - migrants)": float(np.nanmean(s("coverage_gap"))),
            "coverage, urban villages": float(np.nanmean(s("coverage_by_zone", "urban_village"))),
            "trips per completed case": weighted(s("trips_per_case"), completed),
            # Online cases take no trip: trips over the cases done in person.
            "trips per case done in person": float(np.nansum(s("trips_per_case") * completed) /
                                                   np.nansum((1 - s("online_share")) * completed)),
            "one-trip share": weighted(s("one_trip_share"), completed),
            "online share": weighted(s("online_share"), completed),
            "days to completion, mean": weighted(s("days_to_complete"), completed),
            "days to completion, p90": float(np.nanmean(s("days_to_complete_p90"))),
            "needs arising": float(arising),
            "cases completed": float(completed.sum()),
            "cases refused (ineligible)": float(refused.sum()),
            "refused / arising": float(refused.sum() / arising),
            "cases expired": float(expired.sum()),
            "visits to outlets": float(visits),
            "mean wait at outlets, minutes": float(waited / visits) if visits else float("nan"),
            "balked visits / visits": float(balked.sum() / visits) if visits else float("nan"),
            "outlet utilisation": float(np.nanmean(s("outlet_utilisation"))),
            "cost per completed case, yuan": float(s("service_cost").sum() / completed.sum()),
        }


SHARES = {"coverage", "coverage, registered", "coverage, migrants", "coverage gap (registered - migrants)",
          "coverage, urban villages",
          "one-trip share", "online share", "refused / arising", "balked visits / visits", "outlet utilisation"}
POINTS = {"coverage gap (registered - migrants)"}  # a difference of two shares
COUNTS = {"steps dated in the year", "needs arising", "cases completed", "cases refused (ineligible)", "cases expired", "visits to outlets"}


def text(key, v):
    if key in POINTS:
        return f"{100 * v:.2f} pp"
    if key.startswith("coverage"):
        return f"{100 * v:.2f} %"
    if key in SHARES:
        return f"{100 * v:.1f} %"
    if key in COUNTS:
        return f"{v:,.0f}"
    return f"{v:.2f}"


def outlet_table(path, year):
    with open_run(path) as f:
        rows, _ = year_rows(f, year)
        o = f["entities"]["outlets"]
        names = [str(x) for x in o["arrivals"].attrs["labels"]]
        get = lambda k: o[k]["value"][()][rows]
        arrivals, balked, carried = get("arrivals"), get("balked"), get("carried_over")
        util, wait, windows = get("utilisation"), get("wait"), get("windows")
        print(f"\n{path}, {year}: outlets")
        print("| outlet | windows | visits | utilisation | mean wait, min | balked | carried over |")
        print("|---|---|---|---|---|---|---|")
        for k, n in enumerate(names):
            a = arrivals[:, k].sum()
            w = np.nansum(wait[:, k] * arrivals[:, k]) / a if a else float("nan")
            print(f"| {n} | {np.nanmax(windows[:, k]):.0f} | {a:,.0f} | {100 * np.nanmean(util[:, k]):.1f} % "
                  f"| {w:.1f} | {100 * balked[:, k].sum() / a if a else 0:.1f} % | {100 * carried[:, k].sum() / a if a else 0:.1f} % |")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("runs", nargs="+", help="result files (HDF5) of zhili run")
    p.add_argument("--year", type=int, default=2019, help="calendar year to summarise (default 2019)")
    p.add_argument("--outlets", action="store_true", help="also print each run's outlets")
    a = p.parse_args()
    table = [figures(r, a.year) for r in a.runs]
    for t in table:
        if not t.pop("whole year"):
            print(f"reform_table.py: note: {t['name']} holds only {t['steps dated in the year']:.0f} steps of "
                  f"{a.year} (it starts, ends or stopped within the year): its sums are for those steps alone",
                  file=sys.stderr)
    print(f"| {a.year} | " + " | ".join(t["name"] for t in table) + " |")
    print("|---|" + "---|" * len(table))
    for key in table[0]:
        if key == "name":
            continue
        print(f"| {key} | " + " | ".join(text(key, t[key]) for t in table) + " |")
    if a.outlets:
        for r in a.runs:
            outlet_table(r, a.year)


if __name__ == "__main__":
    run_script(main)
