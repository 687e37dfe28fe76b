#!/usr/bin/env bash
# Issue 24.5: eventscope's Bazel aspect (bazel/eventscope.bzl) on a generated workspace, with
# Debian's bazel-bootstrap (Bazel 4, offline). One `eventscope extract` action per cc_library
# with that target's flags, then eventscope_check merges and checks. Holds:
# - the merged FACTS file is byte-identical to `extract` + `merge` of the same tree in one
#   plain run, and the check report to a plain `check` (nothing lost to the sandbox, to
#   include paths Bazel hands over as system ones, or to the per-target split);
# - a finding fails the build when `fail_on` says so, and names itself;
# - a second build runs no action (Bazel keeps the facts), and changing one service's source
#   re-runs that service's extract and the check only.
# usage: bazel_aspect_test.sh EVENTSCOPE SOURCE_DIR
set -euo pipefail
eventscope="$1"
source_dir="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v bazel >/dev/null || fail "bazel not installed (scripts/install-deps.sh installs bazel-bootstrap)"
work="$(mktemp -d)"
bazel_cmd=(bazel --output_user_root="$work/root" --max_idle_secs=60)
cleanup() {
  (cd "$work/ws" 2>/dev/null && "${bazel_cmd[@]}" shutdown >/dev/null 2>&1) || true
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Bazel 4 fetches rules_cc and rules_java for its own tools: offline, two local stand-ins
# whose macros forward to the native rules (../shared/BAZEL-NOTES.md).
for repo in rules_cc:cc:cc_library,cc_binary,cc_test,cc_toolchain,cc_toolchain_suite \
            rules_java:java:java_import,java_runtime,java_toolchain,java_binary,java_library; do
  IFS=: read -r name package macros <<<"$repo"
  mkdir -p "$work/$name/$package"
  touch "$work/$name/WORKSPACE" "$work/$name/BUILD" "$work/$name/$package/BUILD"
  for macro in ${macros//,/ }; do
    printf 'def %s(**kwargs):\n    native.%s(**kwargs)\n\n' "$macro" "$macro" >> "$work/$name/$package/defs.bzl"
  done
done
overrides=(--override_repository=rules_cc="$work/rules_cc" --override_repository=rules_java="$work/rules_java")

# The eventscope repository: this tree's bazel/ folder with the binary under test.
mkdir -p "$work/eventscope/bin"
cp "$source_dir"/bazel/BUILD.bazel "$source_dir"/bazel/eventscope.bzl "$source_dir"/bazel/WORKSPACE "$work/eventscope/"
cp "$eventscope" "$work/eventscope/bin/eventscope"

# A generated system (bench/generate.py): 8 services of 2 files each on a header-only bus,
# one cc_library per service, one cc_binary over all of them.
ws="$work/ws"
python3 "$source_dir/bench/generate.py" "$ws" --services 8 --files 2 >/dev/null
rm -f "$ws/EXPECTED.txt"
cat > "$ws/WORKSPACE" <<WORKSPACE
workspace(name = "generated")
local_repository(name = "eventscope", path = "$work/eventscope")
WORKSPACE
services=()
for dir in "$ws"/services/*/; do
  name="$(basename "$dir")"
  services+=("\"//services/$name\"")
  printf 'cc_library(name = "%s", srcs = glob(["*.cpp"]), deps = ["//:bus"], visibility = ["//visibility:public"])\n' \
    "$name" > "$dir/BUILD.bazel"
done
cat > "$ws/BUILD.bazel" <<BUILD
load("@eventscope//:eventscope.bzl", "eventscope_check")
exports_files(["eventscope.yaml"])
cc_library(name = "bus", hdrs = glob(["include/**/*.h"]), includes = ["include"], visibility = ["//visibility:public"])
cc_binary(name = "system", deps = [$(IFS=,; echo "${services[*]}")])
eventscope_check(name = "events", deps = [":system"], fail_on = "never")
eventscope_check(name = "gate", deps = [":system"], format = "text")
BUILD

cd "$ws"
"${bazel_cmd[@]}" build //:events "${overrides[@]}" > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "bazel build //:events"; }
[ -s bazel-bin/events.facts ] && [ -s bazel-bin/events.json ] || fail "no merged facts or report in bazel-bin"
for dir in services/*/; do
  name="$(basename "$dir")"
  [ -s "bazel-bin/services/$name/$name.eventscope.facts" ] || fail "no FACTS file for //services/$name"
done

# The same tree in one plain run.
"$eventscope" extract --no-cache -q -o "$work/plain.facts"
"$eventscope" merge -q -o "$work/plain-merged.facts" "$work/plain.facts"
cmp -s "$work/plain-merged.facts" bazel-bin/events.facts || fail "the aspect's merged facts differ from one plain run"
"$eventscope" check . --no-cache -q --format json --fail-on never > "$work/plain.json"
cmp -s "$work/plain.json" bazel-bin/events.json || { diff "$work/plain.json" bazel-bin/events.json | head; fail "check reports differ"; }
grep -q '"ruleId"\|"rule"' bazel-bin/events.json || fail "the report holds no finding (the generated system has some)"

# A finding at fail_on fails the build, and says what it is.
if "${bazel_cmd[@]}" build //:gate "${overrides[@]}" > "$work/gate.log" 2>&1; then
  fail "//:gate (fail_on = error) built although the system has an error"
fi
grep -q "error: .*\[" "$work/gate.log" || { cat "$work/gate.log"; fail "the failed check does not print its finding"; }

# Bazel keeps the facts: nothing re-runs; one service changed re-runs its extract only (an
# action that runs writes its output anew: a new inode).
outputs() { for f in bazel-bin/services/*/*.eventscope.facts; do echo "$f $(stat -L -c %i "$f")"; done; }
outputs > "$work/first.txt"
"${bazel_cmd[@]}" build //:events "${overrides[@]}" > "$work/again.log" 2>&1 || fail "second build"
outputs > "$work/second.txt"
cmp -s "$work/first.txt" "$work/second.txt" || fail "an unchanged target was extracted again"
echo "// changed" >> services/svc0003/part000.cpp
"${bazel_cmd[@]}" build //:events "${overrides[@]}" > "$work/changed.log" 2>&1 || fail "build after a change"
outputs > "$work/third.txt"
changed=$(diff "$work/second.txt" "$work/third.txt" | grep '^>' || true)
[ "$(echo "$changed" | grep -c .)" = 1 ] && echo "$changed" | grep -q svc0003 ||
  fail "not exactly the changed service re-extracted: $changed"
echo "PASS: bazel aspect: 8 extract actions, facts and report equal to one plain run, one re-run after one change"
