#!/usr/bin/env bash
# Configures and builds eventscope and its tests into build/ (override with BUILD_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
# Warnings are errors, for the tests as for the product: a warning-free build stays so.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTSCOPE_WERROR=ON >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)"
