#!/usr/bin/python3
"""Plot simulated vs observed urbanization for docs/VALIDATION.md.

Usage: /usr/bin/python3 analysis/plot_urbanization.py RUN.h5 OBSERVED.csv OUT.png

RUN.h5 is a result of scenarios/china-1978-2014.yaml; OBSERVED.csv is
../shared/data/china_calibration_1978_2014.csv (rows with indicator
urban_share). Needs h5py and matplotlib from Debian (python3-h5py,
python3-matplotlib).
"""
import argparse
import csv

from zhili_run import RunError, open_run, require_observables, run_script


def pyplot():
    """matplotlib's pyplot without a display; imported only to draw, so that
    --help and the input checks work without it (make test does not install it)."""
    try:
        import matplotlib
    except ImportError:
        raise RunError("drawing needs matplotlib (Debian: apt-get install python3-matplotlib)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def observed(path):
    """(year + 11/12, value) of the urban_share rows from 1978 on."""
    years, values = [], []
    with open(path, newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"indicator", "year", "value"} <= set(reader.fieldnames):
            raise RunError(f"{path}: expected a CSV with columns indicator, year and value "
                           "(../shared/data/china_calibration_1978_2014.csv)")
        for line, row in enumerate(reader, start=2):
            if row["indicator"] != "urban_share":
                continue
            try:
                year, value = int(row["year"]), float(row["value"])
            except ValueError:
                raise RunError(f"{path}:{line}: year and value must be numbers (found {row['year']!r}, {row['value']!r})")
            if year >= 1978:
                years.append(year + 11 / 12)  # compared with the row dated YEAR-12
                values.append(value)
    if not years:
        raise RunError(f"{path}: no urban_share rows from 1978 on")
    return years, values


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("run", help="result file of scenarios/china-1978-2014.yaml")
    p.add_argument("observed", help="../shared/data/china_calibration_1978_2014.csv")
    p.add_argument("out", help="image file to write (PNG, or another format matplotlib knows by its extension)")
    a = p.parse_args()
    with open_run(a.run) as f:
        require_observables(f, ["urban_share", "urban_share_registration"], "the urbanization plot (the economy set)")
        years = f["timeline/time"][:]
        residence = f["observables/urban_share/value"][:] * 100
        registration = f["observables/urban_share_registration/value"][:] * 100
        scenario = f["run"].attrs["scenario_name"]
    obs_years, obs_values = observed(a.observed)

    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    ax.plot(years, residence, color="#1f77b4", label="simulated: by residence")
    ax.plot(years, registration, color="#ff7f0e", linestyle="--", label="simulated: by registration (hukou)")
    ax.errorbar(obs_years, obs_values, yerr=2.0, fmt="o", color="black", capsize=3,
                label="observed (NBS, census) ±2 points")
    ax.axvline(2015.0, color="grey", linewidth=0.8)
    ax.text(2015.5, 5, "projection", color="grey")
    ax.set_xlabel("year")
    ax.set_ylabel("urban share of population, %")
    ax.set_ylim(0, 100)
    ax.set_title(f"Urbanization of China, simulated ({scenario}) and observed")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
    fig.tight_layout()
    try:
        fig.savefig(a.out)
    except ValueError as e:  # an extension matplotlib has no writer for
        raise RunError(f"{a.out}: {e}")


if __name__ == "__main__":
    run_script(main)
