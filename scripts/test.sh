#!/usr/bin/env bash
# The README's second command (and CI's): installs what is missing, builds, runs every test,
# then the libFuzzer targets. Each phase says how long it took, so that a CI log shows where
# its time went (CI's limit is 90 minutes on 2 cores: docs/robustness.md, "CI's time").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
phase_start=$(date +%s)
phase() { # phase NAME: the time since the previous phase ended
  local now
  now=$(date +%s)
  echo "test.sh: $1 took $((now - phase_start)) s"
  phase_start=$now
}
bash "$here/scripts/install-deps.sh"
phase "installing"
bash "$here/scripts/build.sh"
phase "the build"
build="${BUILD_DIR:-$here/build}"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
phase "the test suite"
# The whole suite again under ASan, LSan and UBSan, in its own clang build: SANITIZE=1.
# Not by default: that build and run take longer than CI's limit leaves (measured in
# docs/robustness.md); the fuzzers below run the hostile-input readers sanitized every time.
if [ "${SANITIZE:-0}" = 1 ]; then
  bash "$here/scripts/sanitize.sh"
  phase "the sanitized suite"
fi
# The libFuzzer targets under ASan and UBSan, 60 seconds each from the seed corpora
# (FUZZ_SECONDS=0 skips them; docs/robustness.md has the longer run).
if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
  bash "$here/scripts/fuzz.sh" "${FUZZ_SECONDS:-60}"
  phase "the fuzzers (their build included)"
fi
