#!/usr/bin/python3
"""Plot simulated vs observed urbanization for docs/VALIDATION.md.

Usage: /usr/bin/python3 analysis/plot_urbanization.py RUN.h5 OBSERVED.csv OUT.png

RUN.h5 is a result of scenarios/china-1978-2014.yaml; OBSERVED.csv is
../shared/data/china_calibration_1978_2014.csv (rows with indicator
urban_share). Needs h5py and matplotlib from Debian (python3-h5py,
python3-matplotlib).
"""
import csv
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(run_path, observed_path, out_path):
    with h5py.File(run_path, "r", swmr=True) as f:
        years = f["timeline/time"][:]
        residence = f["observables/urban_share/value"][:] * 100
        registration = f["observables/urban_share_registration/value"][:] * 100
        scenario = f["run"].attrs["scenario_name"]
    obs_years, obs_values = [], []
    with open(observed_path, newline="") as fh:
        for row in csv.DictReader(fh):
            if row["indicator"] == "urban_share" and int(row["year"]) >= 1978:
                obs_years.append(int(row["year"]) + 11 / 12)  # compared with the row dated YEAR-12
                obs_values.append(float(row["value"]))

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
    fig.savefig(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
