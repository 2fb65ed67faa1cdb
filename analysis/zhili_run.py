"""Opening zhili result files (docs/FORMAT.md) for the scripts in analysis/.

    from zhili_run import RunError, open_run, require_observables, run_script

open_run(path) opens a result file in SWMR-read mode (a run still being
written, or one a kill left behind, opens as well as a finished one) and
checks that it is a zhili run; a missing file, a folder, a file that is not
HDF5 or an HDF5 file of another program raise RunError with one line that
says which. require_observables names the observables a figure needs that the
run lacks (e.g. services off). run_script(main) runs a script's main and turns
a RunError, or a file that cannot be written, into that one line on stderr and
exit status 2, the status zhili gives bad input, instead of a traceback.
"""
import os
import sys
from pathlib import Path

import h5py


class RunError(Exception):
    """Bad input to a script: the message names the file and what is wrong."""


def open_run(path):
    p = Path(path)
    if not p.exists():
        raise RunError(f"{path}: no such file")
    if p.is_dir():
        raise RunError(f"{path}: a folder, not a result file")
    try:
        f = h5py.File(path, "r", libver="latest", swmr=True)
    except OSError:
        raise RunError(f"{path}: not an HDF5 file")
    if "timeline" not in f or "observables" not in f or "run" not in f:
        f.close()
        raise RunError(f"{path}: an HDF5 file, but not a zhili result file (no /run, /timeline and /observables)")
    return f


def require_observables(f, names, purpose):
    missing = [n for n in names if n not in f["observables"]]
    if missing:
        raise RunError(f"{f.filename}: no {', '.join(missing)} in this run, which {purpose} needs")


def run_script(main):
    try:
        main()
    except BrokenPipeError:  # the reader (e.g. head) stopped reading: not the script's error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except RunError as e:
        fail(str(e))
    except OSError as e:  # an input or output file that cannot be opened or written
        fail(f"{e.filename}: {e.strerror}" if e.filename else str(e))


def fail(message):
    print(f"{Path(sys.argv[0]).name}: {message}", file=sys.stderr)
    sys.exit(2)
