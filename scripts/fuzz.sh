#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++-19 (AddressSanitizer and UBSan everywhere) in
# build-fuzz/ and runs each for SECONDS (default 60) from its seed corpus: the tests' and
# samples' inputs and, when present, tests/corpus. A crash leaves its input in
# build-fuzz/crashes/ and fails the run. Longer runs: scripts/fuzz.sh 3600 (docs/robustness.md).
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$here/build-fuzz"
bash "$here/scripts/configure-sanitized.sh" "$build"
targets=(config manifest asyncapi schema_diff typo document_readers traces)
ninja -C "$build" "${targets[@]/#/fuzz_}" >/dev/null

# Seeds: every YAML and JSON input the tests and samples hold, per target.
seeds="$build/seeds"
rm -rf "$seeds"; mkdir -p "$seeds"/{config,manifest,asyncapi,schema_diff,typo,document_readers,traces}
find "$here/samples" "$here/tests/fixtures" -name eventscope.yaml -exec cp --backup=numbered -t "$seeds/config" {} + 2>/dev/null || true
cp "$here"/tests/fuzz/seeds/config/* "$seeds/config/" 2>/dev/null || true
for f in $(grep -rlE '^(service|produces|consumes):' "$here/samples" --include='*.yaml' 2>/dev/null); do cp --backup=numbered "$f" "$seeds/manifest/"; done
for f in $(grep -rlE '^asyncapi:' "$here/samples" "$here/tests/fixtures" --include='*.yaml' --include='*.yml' 2>/dev/null); do cp --backup=numbered "$f" "$seeds/asyncapi/"; done
corpus="$here/tests/corpus/asyncapi"
if [ -d "$corpus" ]; then
  find "$corpus" -name '*.yml' -o -name '*.yaml' | head -200 | while read -r f; do cp --backup=numbered "$f" "$seeds/asyncapi/"; done
fi
# The fast document readers: the AsyncAPI seeds, and JSON documents.
cp "$seeds"/asyncapi/* "$seeds/document_readers/"
if [ -d "$corpus" ]; then
  find "$corpus" -name '*.json' -size -64k | head -100 | while read -r f; do cp --backup=numbered "$f" "$seeds/document_readers/"; done
fi
fixtures="$here/tests/fixtures"
{ cat "$fixtures/contract-diff/quotes-v1.yaml"; printf '\n---8<---\n'; cat "$fixtures/contract-diff/quotes-v2.yaml"; } > "$seeds/schema_diff/quotes"
{ cat "$fixtures/asyncapi-diff/asyncapi.yml"; printf '\n---8<---\n'; cat "$fixtures/asyncapi-diff/diffSpec.yml"; } > "$seeds/schema_diff/v2"
# Trace files in each format (the fixtures), and the first lines of the sample's recording.
cp "$fixtures"/traces/* "$seeds/traces/"
head -c 60000 "$here/samples/traced-shop/traces/run.jsonl" > "$seeds/traces/run-head.jsonl"
printf 'order.canceled\norder.cancelled\norder.placed\npayment.settled\nOrderPlaced\n' > "$seeds/typo/orders"
# Regression inputs: every crash found so far must keep passing. (Inputs on which yaml-cpp
# itself hangs are replayed by Cli.FuzzerFindingsEndWithAClearStatus instead: in process
# they leave a spinning parser thread behind.)
for t in "${targets[@]}"; do
  for f in "$here/tests/fuzz/regressions/$t"/*; do
    [ -e "$f" ] || continue
    case "$f" in *hang*|*'*') ;; *) cp "$f" "$seeds/$t/" ;; esac
  done
done

mkdir -p "$build/crashes"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  echo "fuzz_$t: ${seconds}s"
  # Fork mode: timeouts and out-of-memory (yaml-cpp's own loops, cut by a 300 ms deadline
  # here, leave a thread spinning until the job's process ends) are kept as artifacts and
  # listed, not fatal; a crash, a sanitizer report or an escaping exception fails the run.
  if ! EVENTSCOPE_YAML_DEADLINE_MS=300 "$build/tests/fuzz/fuzz_$t" -fork=1 -ignore_timeouts=1 -ignore_ooms=1 \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$build/crashes/$t-" "$build/corpus/$t" "$seeds/$t" \
       > "$build/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t FAILED: see $build/fuzz_$t.log and $build/crashes/" >&2
    tail -30 "$build/fuzz_$t.log" >&2
    status=1
  else
    grep -E "^#[0-9]+: cov" "$build/fuzz_$t.log" | tail -1
    ls "$build/crashes" | grep -E "^$t-(timeout|oom)" | sed "s/^/  (not fatal) /" || true
  fi
done
exit $status
