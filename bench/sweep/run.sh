#!/usr/bin/env bash
# The sweep benchmark (bench/README.md, "Sweeps"): bench/sweep/small-200.yaml,
# 200 small runs, in each way of running them, 3 times each; prints the median
# wall time, CPU utilisation and per-run figures.
#
#   bench/sweep/run.sh [ZHILI] [REPEATS]        # default: build/bin/zhili 3
#
# CPU utilisation = (user + sys) / (wall x cores), from bash's `time` (which
# counts the worker processes: they are children). "others" is the share of
# the machine other processes used meanwhile (/proc/stat): figures are only
# worth quoting when it is near 0. Per run:
#   sim      = wall of `--summary-only --jobs 1` / runs: one run's own cost
#              (scenario, world, 12 steps, summary row) on one core, nothing else;
#   overhead = wall x cores / runs - sim: what a run costs beyond that when the
#              sweep has every core: its result file, worker processes,
#              scheduling, and any core left idle.
# The machine should be otherwise idle (see `uptime`): the script prints the
# load average before and after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
zhili=${1:-build/bin/zhili}
repeats=${2:-3}
sweep="$here/small-200.yaml"
cores=$(nproc)
runs=200
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "load before: $(uptime | sed 's/.*load average: //')   cores: $cores   runs: $runs"

workers=""   # ZHILI_SWEEP_WORKERS for a row ("" = automatic)
launcher=""  # mpirun and its options, for the MPI row

# CPU seconds the whole machine has spent busy so far (/proc/stat: all but idle and iowait).
busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.3f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }

# One timed sweep into a fresh folder; prints "wall cpu_seconds others_cpu_seconds", the
# last being what other processes on the machine used meanwhile (a check on the figures).
timed() {
  rm -rf "$out/s"
  local TIMEFORMAT="%R %U %S" t b0 b1
  b0=$(busy)
  t=$({ time env ${workers:+ZHILI_SWEEP_WORKERS=$workers} $launcher "$zhili" sweep "$sweep" -o "$out/s" --quiet "$@" \
    >/dev/null; } 2>&1)
  b1=$(busy)
  awk -v b0="$b0" -v b1="$b1" '{ o = b1 - b0 - $2 - $3; printf "%.3f %.3f %.3f\n", $1, $2 + $3, o < 0 ? 0 : o }' <<<"$t"
}

# The median of `repeats` runs of a mode, by wall time: "wall cpu_seconds others".
median() {
  for _ in $(seq "$repeats"); do timed "$@"; done | sort -n | awk -v m=$(((repeats + 1) / 2)) 'NR == m'
}

# Prints a row of the table from a median "wall cpu others".
show() {
  awk -v l="$1" -v c=$cores -v n=$runs -v s="$sim" '{
    printf "%-34s %7.2fs %5.0f%% %9.1f ms %9.1f ms %7.0f%%\n", l, $1, 100 * $2 / ($1 * c), 1000 * $1 / n,
      1000 * $1 * c / n - s, 100 * $3 / ($1 * c) }' <<<"$2"
}
row() {  # LABEL WORKERS ARGS...: measures a mode and prints its row
  local label=$1
  workers=$2
  shift 2
  show "$label" "$(median "$@")"
}

base=$(median --summary-only --jobs 1)
sim=$(awk -v n=$runs '{ printf "%.2f", 1000 * $1 / n }' <<<"$base")
printf "%-34s %8s %6s %12s %12s %8s\n" mode wall CPU "wall/run" "overhead/run" others
show "summary-only, --jobs 1" "$base"
row "summary-only, --jobs $cores (threads)" "" --summary-only --jobs "$cores"
row "files, --jobs 1" "" --jobs 1
row "files, --jobs $cores, threads" threads --jobs "$cores"
row "files, --jobs $cores, processes" "" --jobs "$cores"
# The same over MPI ranks, where the build and the machine have MPI (docs/CLUSTER.md).
if command -v mpirun >/dev/null && ldd "$zhili" | grep -q libmpi; then
  launcher="mpirun --oversubscribe --allow-run-as-root -np $cores"
  row "files, mpirun -np $cores" "" --jobs 1
fi
echo "sim (one run, summary-only --jobs 1): $sim ms;  load after: $(uptime | sed 's/.*load average: //')"
