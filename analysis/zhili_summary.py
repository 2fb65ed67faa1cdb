#!/usr/bin/python3
"""Read a zhili sweep's summary (docs/SWEEPS.md) as a pandas DataFrame.

    import sys; sys.path.insert(0, "analysis")
    from zhili_summary import read_summary
    df = read_summary("runs/my-sweep")   # one row per run

or from the shell, `/usr/bin/python3 analysis/zhili_summary.py DIR` prints it.

The rows and columns are those of DIR/summary.csv, in its order: run, point,
replicate, seed, the factors, then `<outcome>:final` and `<outcome>:mean`.
The data come from DIR/summary.h5 (h5py; one dataset per column, the names
in the root attribute `columns`, since a dataset name cannot hold '/'), and
from summary.csv with pandas alone when there is no summary.h5 or no h5py.
Both give the same frame: integer columns as int64, numbers as float64 with
NaN for a missing outcome, text as str.

Debian 12: python3-pandas and python3-h5py (the Makefile installs both).
"""
import sys
from pathlib import Path

import pandas as pd


def _dataset_name(column):
    # The encoding of sim/sweep/summary_h5.hpp: '%' -> %25, '/' -> %2F.
    return column.replace("%", "%25").replace("/", "%2F")


# The columns every summary starts with (docs/SWEEPS.md).
_FIRST = ["run", "point", "replicate", "seed"]


class SummaryError(Exception):
    """Not a sweep summary: the message names the file and what is wrong."""


def _from_h5(path):
    import h5py

    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise SummaryError(f"{path}: not an HDF5 file ({e})")
    with f:
        if not str(f.attrs.get("format", "")).startswith("zhili-sweep-summary"):
            raise SummaryError(f"{path}: not a zhili sweep summary (no format attribute 'zhili-sweep-summary N')")
        columns = [c.decode() if isinstance(c, bytes) else str(c) for c in f.attrs["columns"]]
        data = {}
        for c in columns:
            ds = f[_dataset_name(c)]
            data[c] = ds.asstr()[()] if ds.dtype.kind == "O" else ds[()]
    return pd.DataFrame(data, columns=columns)


def read_summary(directory):
    """The sweep summary in `directory` as a DataFrame, one row per run.

    Raises FileNotFoundError when the folder holds no summary, SummaryError
    when the summary is not one zhili wrote."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a folder (give the folder of `zhili sweep -o DIR`)")
    h5 = directory / "summary.h5"
    if h5.exists():
        try:
            return _from_h5(h5)
        except ImportError:
            pass  # no h5py: the CSV holds the same rows
    csv = directory / "summary.csv"
    if not csv.exists():
        raise FileNotFoundError(f"{directory}: no summary.h5 or summary.csv (is the sweep complete?)")
    frame = pd.read_csv(csv)  # "NaN" is read as missing
    if list(frame.columns[: len(_FIRST)]) != _FIRST:
        raise SummaryError(f"{csv}: not a zhili sweep summary (the header starts with {','.join(_FIRST)})")
    return frame


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("dir", help="folder of a sweep (zhili sweep -o DIR)")
    a = p.parse_args()
    try:
        frame = read_summary(a.dir)
    except (FileNotFoundError, SummaryError) as e:
        print(f"zhili_summary.py: {e}", file=sys.stderr)
        sys.exit(2)
    with pd.option_context("display.width", 200, "display.max_columns", 12):
        print(frame)
