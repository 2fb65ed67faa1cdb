#!/usr/bin/env bash
# Fuzz the scenario loader for MINUTES (default 30) with libFuzzer, ASan and
# UBSan, from a seed corpus of every shipped scenario and test file.
#   tests/fuzz/run.sh [MINUTES] [BUILD_DIR]
# Needs clang (Debian: clang, which brings libFuzzer). Findings are written to
# BUILD_DIR/findings/ (crash-*, leak-*, timeout-*, oom-*); each becomes a test
# in tests/scenario once understood. Prints libFuzzer's final statistics.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}
build=${2:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZHILI_FUZZ=ON \
    -DZHILI_SANITIZE=address,undefined -DZHILI_BUILD_TESTS=OFF -DZHILI_BUILD_BENCH=OFF \
    -DZHILI_BUILD_VIEWER=OFF > "$build.configure.log"
fi
cmake --build "$build" --target zhili-fuzz-scenario -j "$(nproc)"
corpus="$build/corpus"
mkdir -p "$corpus" "$build/findings"
find scenarios tests/data -name '*.yaml' -exec cp -n {} "$corpus/" \;
# Open MPI is not linked here; YAML nesting is bounded by yaml-cpp's own depth
# limit. 2 GB and 10 s per input: more is a finding (runaway memory, a hang).
"$build/bin/zhili-fuzz-scenario" "$corpus" -max_total_time=$((minutes * 60)) -timeout=10 \
  -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 -artifact_prefix="$build/findings/" \
  2>&1 | tee "$build/fuzz.log" | grep -E "^#[0-9]+ .*(pulse|DONE)|^stat::|ERROR|SUMMARY" || true
if ls "$build/findings"/* >/dev/null 2>&1; then
  echo "fuzz: findings in $build/findings/"
  exit 1
fi
echo "fuzz: no finding in $minutes minutes"
