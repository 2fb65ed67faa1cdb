#!/usr/bin/python3
"""The scripts in analysis/ on bad input: one line naming the file and what is
wrong, exit status 2, no Python traceback; --help for each; reform_table.py
on a run without services and on part of a year.

    analysis_scripts_test.py ZHILI_EXE SOURCE_DIR WORK_DIR   (run by ctest)
"""
import shutil
import subprocess
import sys
from pathlib import Path

import h5py

zhili, source, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
analysis = source / "analysis"
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
failures = []


def run(script, *args):
    return subprocess.run(["/usr/bin/python3", str(analysis / script), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def expect(ok, what):
    if not ok:
        failures.append(what)


def expect_bad_input(script, args, needle):
    r = run(script, *args)
    what = f"{script} {' '.join(map(str, args))}"
    expect(r.returncode == 2, f"{what}: exit {r.returncode}, expected 2\n{r.stderr}")
    expect("Traceback" not in r.stderr, f"{what}: a traceback\n{r.stderr}")
    expect(needle in r.stderr, f"{what}: {needle!r} not in\n{r.stderr}")


# Inputs: a run without services, one with services over three months, a
# text file, an HDF5 file of another program, a folder.
small = source / "tests" / "data" / "small.yaml"
plain, services = work / "plain.h5", work / "services.h5"
subprocess.run([zhili, "run", small, "-o", plain, "--steps", "3", "-q"], check=True)
subprocess.run([zhili, "run", small, "-o", services, "--steps", "3", "-q", "--set", "services.enabled=true"],
               check=True)
text = work / "text.h5"
text.write_text("not a result file\n")
foreign = work / "foreign.h5"
with h5py.File(foreign, "w") as f:
    f.create_group("something")

for script in ["read_observable.py", "reform_table.py", "plot_urbanization.py", "zhili_summary.py",
               "graded_response.py"]:
    r = run(script, "--help")
    expect(r.returncode == 0 and "usage:" in r.stdout, f"{script} --help: exit {r.returncode}\n{r.stdout}{r.stderr}")

csv = work / "observed.csv"  # the shape of ../shared/data/china_calibration_1978_2014.csv
csv.write_text("indicator,year,value\nurban_share,1980,19.4\n")
for script, extra in [("read_observable.py", ["migrant_share"]), ("reform_table.py", ["--year", "2015"]),
                      ("plot_urbanization.py", [csv, work / "x.png"])]:
    expect_bad_input(script, [work / "missing.h5", *extra], "missing.h5: no such file")
    expect_bad_input(script, [text, *extra], "text.h5: not an HDF5 file")
    expect_bad_input(script, [foreign, *extra], "not a zhili result file")
    expect_bad_input(script, [work, *extra], "a folder, not a result file")

expect_bad_input("read_observable.py", [plain, "population/value"], "a breakdown is printed whole")
expect_bad_input("reform_table.py", [plain, "--year", "2015"], "a run without public services")
expect_bad_input("reform_table.py", [services, "--year", "2030"], "no step dated in 2030")
expect_bad_input("plot_urbanization.py", [plain, csv, work / "x.png"], "no urban_share")

# Part of a year: the table says how many steps, and a note says the sums are partial.
r = run("reform_table.py", services, "--year", "2015")
expect(r.returncode == 0, f"reform_table.py on 3 months: exit {r.returncode}\n{r.stderr}")
expect("| steps dated in the year | 3 |" in r.stdout, f"no steps row:\n{r.stdout}")
expect("holds only 3 steps of 2015" in r.stderr, f"no note on the partial year:\n{r.stderr}")

garbage = work / "garbage"
garbage.mkdir()
(garbage / "summary.csv").write_text("hello\nworld\n")
expect_bad_input("zhili_summary.py", [garbage], "not a zhili sweep summary")
expect_bad_input("zhili_summary.py", [work / "nowhere"], "not a folder")

# graded_response.py: the three criteria on points written by hand.
def points(folder, means, halfwidth):
    (folder / "analysis").mkdir(parents=True)
    rows = ["point,policy.x,outcome,n,mean,sd,ci_lo,ci_hi"]
    for k, m in enumerate(means):
        rows.append(f"{k},{k},y:mean,4,{m},1,{m - halfwidth},{m + halfwidth}")
    (folder / "analysis" / "points.csv").write_text("\n".join(rows) + "\n")
    return folder


graded = points(work / "graded", [10, 8, 6, 4, 2], 0.5)
r = run("graded_response.py", graded, "--outcome", "y:mean")
expect(r.returncode == 0 and "monotone yes, largest step 25 %" in r.stdout,
       f"graded_response.py on a graded response: exit {r.returncode}\n{r.stdout}{r.stderr}")
bistable = points(work / "bistable", [0, 0.1, 9.8, 10, 10], 0.5)  # silence or revolt
r = run("graded_response.py", bistable, "--outcome", "y:mean")
expect(r.returncode == 1 and "largest step 97 %" in r.stdout and "monotone NO" in r.stdout,
       f"graded_response.py on a bistable response: exit {r.returncode}\n{r.stdout}{r.stderr}")
noisy = points(work / "noisy", [10, 8, 6, 4, 2], 5)  # intervals wider than the change
r = run("graded_response.py", noisy, "--outcome", "y:mean")
expect(r.returncode == 1 and "distinct from both ends NO" in r.stdout,
       f"graded_response.py on noisy points: exit {r.returncode}\n{r.stdout}{r.stderr}")
# Paired replicates (one seed per replicate at every point): wide intervals over replicates,
# but every replicate falls by the same 1 per step, so the paired differences tell them apart.
paired = points(work / "paired", [12, 11, 10, 9, 8], 5)
summary = ["run,point,replicate,seed,policy.x,y:mean"]
for k in range(5):
    for r in range(3):
        summary.append(f"{k * 3 + r},{k},{r},{100 + r},{k},{12 - k + 4 * (r - 1)}")
(paired / "summary.csv").write_text("\n".join(summary) + "\n")
r = run("graded_response.py", paired, "--outcome", "y:mean")
expect(r.returncode == 0 and "paired replicates" in r.stdout and "distinct from both ends yes" in r.stdout,
       f"graded_response.py on paired replicates: exit {r.returncode}\n{r.stdout}{r.stderr}")
expect_bad_input("graded_response.py", [work / "nowhere"], "run `zhili analyze")
expect_bad_input("graded_response.py", [graded, "--outcome", "z:mean"], "no outcome z:mean")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("ok")
