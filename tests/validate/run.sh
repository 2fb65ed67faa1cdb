#!/usr/bin/env bash
# The validation build's run (make validate): in a build configured with
# -DZHILI_VALIDATE=ON, the check of block-wise sums on a deliberately broken
# combine, then every shipped scenario for its first STEPS steps on 1 and 2
# threads, the engine checking cell counts, the id index, the case store and
# every block-wise sum after each phase. Any broken invariant ends the run
# with "validation failed at step N in PHASE: ..." and exit 1.
set -euo pipefail
build=${1:?usage: tests/validate/run.sh BUILD_DIR [STEPS]}
steps=${2:-24}
root="$(cd "$(dirname "$0")/../.." && pwd)"
grep -q "ZHILI_VALIDATE:BOOL=ON" "$build/CMakeCache.txt" || { echo "$build is not a validation build" >&2; exit 2; }

"$build/tests/core/test_core" --gtest_filter='ValidationBuild.*:CheckCombine.*'

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
count=0
for f in scenarios/*.yaml scenarios/conflict/*.yaml scenarios/disputes/*.yaml scenarios/reform/*.yaml \
         scenarios/bench/*.yaml; do
  for threads in 1 2; do
    start=$(date +%s%N)
    "$build/bin/zhili" run "$f" --steps "$steps" --threads "$threads" -q -o "$out/run.h5"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '%-45s %d thread(s), %d steps: checked, %d ms\n' "$f" "$threads" "$steps" "$ms"
    count=$((count + 1))
  done
done
# The renewal scenarios for six years (to 2021-01), past the villages'
# demolition and completion and the requisition's demolition, so that
# displacement, resettlement and rebuilding are checked.
for f in scenarios/renewal/*.yaml; do
  for threads in 1 2; do
    start=$(date +%s%N)
    "$build/bin/zhili" run "$f" --steps 72 --threads "$threads" -q -o "$out/run.h5"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '%-45s %d thread(s), %d steps: checked, %d ms\n' "$f" "$threads" 72 "$ms"
    count=$((count + 1))
  done
done
echo "validation build: $count runs, every invariant held after every phase"
