#!/usr/bin/env bash
# Configures and builds eventscope and its tests into build/ (override with BUILD_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
# Warnings are errors, for the tests as for the product: a warning-free build stays so.
if [ ! -f "$build/CMakeCache.txt" ]; then
  # Line tables only (-g1): a crash's backtrace still names files and lines, and the build
  # takes about 40% less time than with full debug information (value_scans.cpp: 57 s
  # instead of 95 s); CI builds from scratch every time (docs/robustness.md, CI's time).
  cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DEVENTSCOPE_WERROR=ON >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)"
