#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and UndefinedBehavior-
# Sanitizer: every library, the CLI and the tests built with clang++-19 in build-fuzz/ (the
# same build the fuzzers use), then ctest. Any sanitizer report fails the test that met it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$here/build-fuzz"
bash "$here/scripts/configure-sanitized.sh" "$build"
ninja -C "$build" >/dev/null
# Four frames of each allocation's stack: libclang allocates all the time, and collecting 30
# (the default) made the suite about 30% slower; the rerun below keeps the full stacks.
export ASAN_OPTIONS="detect_leaks=1:malloc_context_size=4"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
# Clang 19 itself leaks the deduction failure info it makes while choosing among template
# candidates (tests/sanitizers/lsan.supp, MakeDeductionFailureInfo): cppzmq's zmq.hpp meets
# it, and so does libstdc++'s C++23 <functional> (std::move_only_function). LSan matches a
# suppression against the stack it recorded, and the fast unwinder stops in libLLVM, which
# has no frame pointers, so the suppression cannot see the Clang frames. The slow unwinder
# makes the whole suite several times slower; so every test runs with the fast one, and the
# tests that failed are run once more with the slow one, where the suppression sees the Clang
# frames and nothing else is hidden: a test passes only if that second run is clean.
# explorer_browser drives chromium over pages the C++ writes; that C++ runs under the
# sanitizers in the Explorer.* unit tests, and the browser part is the same in both builds.
# bazel_aspect runs extract and merge inside Bazel's sandbox; FactsFiles.* run them here.
if ! ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" -E "^explorer_browser\$|^bazel_aspect\$"; then
  echo "sanitize: the failed tests again, with LSan's slow unwinder (Clang's own leak is suppressed by its frames):"
  ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=30" \
    ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --rerun-failed
fi
