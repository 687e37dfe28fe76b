#!/usr/bin/env bash
# The README's second command (and CI's): installs what is missing, builds, runs every test.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh"
build="${BUILD_DIR:-$here/build}"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
# The whole suite again under ASan, LSan and UBSan (SANITIZE=0 skips it; docs/robustness.md).
if [ "${SANITIZE:-1}" != 0 ]; then
  bash "$here/scripts/sanitize.sh"
fi
# The libFuzzer targets under ASan and UBSan, 60 seconds each from the seed corpora
# (FUZZ_SECONDS=0 skips them; docs/robustness.md has the longer run).
if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
  bash "$here/scripts/fuzz.sh" "${FUZZ_SECONDS:-60}"
fi
