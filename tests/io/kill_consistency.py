#!/usr/bin/env python3
"""SIGKILL a whole-model run at random moments; every file left must be
consistent across all its groups (docs/FORMAT.md, "what a killed run leaves").

    kill_consistency.py ZHILI SCENARIO OUTDIR [KILLS] [SEED]

For each kill, with T = /run/steps_done (the steps the writer committed):
  - the timeline and every series of /observables, /levers and /entities has
    at least T rows (more only from a flush the kill cut short);
  - the timeline's steps are 0 .. T-1;
  - every map holds the snapshots that the unkilled run has at the committed
    steps, in order;
  - `zhili info` opens the file (exit 0) and reports T steps.
Prints one line per kill and exits 1 if any file is inconsistent, 77 (skip)
without h5py.
"""
import os
import random
import signal
import subprocess
import sys
import time

try:
    import h5py
except ImportError:
    print("h5py not available: skipped")
    sys.exit(77)

def datasets(group):
    out = []
    group.visititems(lambda name, obj: out.append((name, obj)) if isinstance(obj, h5py.Dataset) else None)
    return out


def check(path, full_map_steps):
    problems = []
    with h5py.File(path, "r", libver="latest", swmr=True) as f:
        T = int(f["run/steps_done"][()])
        steps = f["timeline/step"][()]
        if len(steps) < T or list(steps[:T]) != list(range(T)):
            problems.append(f"timeline steps {list(steps[:T][-3:])} for T={T}")
        for name in ("timeline/time", "timeline/date"):
            if f[name].shape[0] < T:
                problems.append(f"{name}: {f[name].shape[0]} rows < T={T}")
        for top in ("observables", "levers", "entities"):
            for name, ds in datasets(f[top]):
                if ds.shape[0] < T:
                    problems.append(f"{top}/{name}: {ds.shape[0]} rows < T={T}")
        for name in f["maps"]:
            expected = [k for k in full_map_steps[name] if k < T]
            got = [int(k) for k in f[f"maps/{name}/step"][()] if k < T]
            if got != expected:
                problems.append(f"maps/{name}: snapshots {got[-3:]} (expected up to {expected[-1:]})")
            if f[f"maps/{name}/value"].shape[0] < len(expected):
                problems.append(f"maps/{name}/value: fewer rows than snapshots")
    return T, problems


def main():
    zhili, scenario, outdir = sys.argv[1:4]
    kills = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    os.makedirs(outdir, exist_ok=True)
    # How long a whole run takes, to spread the kills over it.
    full = os.path.join(outdir, "full.h5")
    start = time.monotonic()
    subprocess.run([zhili, "run", scenario, "-o", full, "-q"], check=True)
    duration = time.monotonic() - start
    with h5py.File(full, "r") as f:
        full_map_steps = {name: [int(k) for k in f[f"maps/{name}/step"][()]] for name in f["maps"]}
    bad = 0
    for i in range(kills):
        path = os.path.join(outdir, f"killed-{i:02d}.h5")
        if os.path.exists(path):
            os.remove(path)
        proc = subprocess.Popen([zhili, "run", scenario, "-o", path, "-q"])
        wait = rng.uniform(0.05, 0.95) * duration
        time.sleep(wait)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not os.path.exists(path):
            print(f"kill {i:2d} at {wait:5.2f} s: no file yet")
            continue
        T, problems = check(path, full_map_steps)
        info = subprocess.run([zhili, "info", path], capture_output=True, text=True)
        if info.returncode != 0:
            problems.append(f"zhili info exit {info.returncode}: {info.stderr.strip()}")
        elif f"steps:     {T} of" not in info.stdout:
            problems.append("zhili info reports another step count than /run/steps_done")
        print(f"kill {i:2d} at {wait:5.2f} s: steps_done {T:3d}: " + ("consistent" if not problems else "; ".join(problems)))
        bad += bool(problems)
    print(f"{kills - bad} of {kills} killed files consistent")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
