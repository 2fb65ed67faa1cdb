#!/usr/bin/env python3
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
import sys

import h5py


def main(path, name):
    with h5py.File(path, "r", libver="latest", swmr=True) as f:
        if name not in f["observables"]:
            sys.exit(f"{path}: no observable {name!r}; there are: {', '.join(f['observables'])}")
        element = f["observables"][name]
        values = element["value"][()]             # shape (T,) or (T, K)
        dates = f["timeline"]["date"].asstr()[()]  # "YYYY-MM-DD"
        labels = list(element.attrs.get("labels", [])) or ["value"]
        print(f"# {name} [{element.attrs['unit']}]: {element.attrs['description']}")
        print("\t".join(["date", *labels]))
        # While a run is being written, a reader can catch a flush half-way:
        # print only the steps both datasets already hold.
        for date, row in zip(dates, values.reshape(len(values), -1)):
            print("\t".join([date, *(repr(float(v)) for v in row)]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
