#!/usr/bin/env bash
# The facts cache cannot go stale (issue 18, item 4): the binary's facts stamp is the one of
# the tree it was built from, and every kind of change to the files that decide facts
# changes the stamp (and so misses the cache): extractor code, a built-in profile, a stand-in
# header, a model header, a new file, a renamed one. A change elsewhere (rules/) does not.
# Usage: facts_stamp.sh EVENTSCOPE SOURCE_DIR
set -euo pipefail
es=$1 src=$2
stamp() { cmake -DSOURCE_DIR="$1" -P "$src/cmake/FactsStamp.cmake" 2>&1; }
fail() { echo "FAIL: $*" >&2; exit 1; }

built=$("$es" --version | sed -n 's/^facts stamp //p')
[[ -n $built ]] || fail "eventscope --version prints no facts stamp"
tree=$(stamp "$src")
[[ ${tree:0:16} == "$built" ]] || fail "the binary's stamp $built is not the tree's ${tree:0:16} (rebuild?)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy() { rm -rf "$work/t"; mkdir -p "$work/t"; cp -r "$src/analyzer" "$src/model" "$src/rules" "$work/t/"; }
copy
base=$(stamp "$work/t")
[[ $base == "$tree" ]] || fail "a copy of the tree has another stamp"
check() { # description, then a command run in the copy; the stamp must change (or, with "same", not)
  local what=$1 expect=$2; shift 2
  copy
  (cd "$work/t" && eval "$*")
  local now; now=$(stamp "$work/t")
  if [[ $expect == changes && $now == "$base" ]]; then fail "$what: the stamp did not change"; fi
  if [[ $expect == same && $now != "$base" ]]; then fail "$what: the stamp changed"; fi
  echo "ok: $what"
}
check "extractor code" changes 'echo "// x" >> analyzer/cpp/fact_visitor.cpp'
check "a built-in profile" changes 'echo "# x" >> analyzer/cpp/profiles/mosquitto.yaml'
check "a stand-in header" changes 'f=$(ls analyzer/cpp/shims/* | head -1); echo "// x" >> "$f"'
check "a contract reader" changes 'echo "// x" >> analyzer/contracts/asyncapi.cpp'
check "a model header" changes 'echo "// x" >> model/location.h'
check "a new file" changes 'echo "x" > analyzer/cpp/profiles/new.yaml'
check "a renamed file" changes 'mv analyzer/cpp/value_scans.cpp analyzer/cpp/value_scans2.cpp'
check "a rule (not an input of the extractor)" same 'echo "// x" >> rules/event_cycle.cpp'
echo "facts stamp: every kind of change is seen"
