#!/usr/bin/env bash
# Configures BUILD_DIR (argument) with clang++-19, AddressSanitizer and UBSan everywhere and
# the libFuzzer targets: shared by scripts/fuzz.sh and scripts/sanitize.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$1"
if [ ! -f "$build/build.ninja" ]; then
  # Line tables only: enough for the sanitizers' symbolized reports, and a faster build.
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTSCOPE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
    -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" >/dev/null
fi
