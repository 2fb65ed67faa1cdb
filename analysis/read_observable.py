#!/usr/bin/python3
"""Print one observable of a zhili result file, one line per step.

    /usr/bin/python3 analysis/read_observable.py RUN.h5 NAME

Output is tab-separated: a `date` column, then the value (a scalar series) or
one column per label (a breakdown); a first line starting with `#` gives the
unit and description. Values are printed with repr(), which round-trips
float64 exactly.

A minimal example of reading the format (docs/FORMAT.md) with h5py. The file
is opened in SWMR-read mode (`swmr=True`): that opens a file a run is still
writing and one left by a killed run (a plain open refuses those with "file is
already open for write"), and works as well on a finished file.
"""
import argparse

from zhili_run import RunError, open_run, run_script


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("run", help="result file (HDF5) of zhili run")
    p.add_argument("name", help="observable, e.g. migrant_share (a breakdown is printed whole, a column per label)")
    a = p.parse_args()
    with open_run(a.run) as f:
        names = list(f["observables"].keys())
        if a.name not in names:  # a plain lookup would take "name/value" as a path into the group
            hint = " (a breakdown is printed whole: give its name alone)" if "/" in a.name else ""
            raise RunError(f"{a.run}: no observable {a.name!r}{hint}; there are: {', '.join(names)}")
        element = f["observables"][a.name]
        values = element["value"][()]             # shape (T,) or (T, K)
        dates = f["timeline"]["date"].asstr()[()]  # "YYYY-MM-DD"
        labels = list(element.attrs.get("labels", [])) or ["value"]
        print(f"# {a.name} [{element.attrs['unit']}]: {element.attrs['description']}")
        print("\t".join(["date", *labels]))
        # While a run is being written, a reader can catch a flush half-way:
        # print only the steps both datasets already hold.
        for date, row in zip(dates, values.reshape(len(values), -1)):
            print("\t".join([date, *(repr(float(v)) for v in row)]))


if __name__ == "__main__":
    run_script(main)
