#!/usr/bin/env bash
# Validates eventscope's SARIF with the official validator (@microsoft/sarif-multitool,
# installed by scripts/install-deps.sh): no errors and no warnings allowed.
set -euo pipefail
binary="$1"; source_dir="$2"
tool="$source_dir/.tools/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  echo "sarif-multitool is not installed: run scripts/install-deps.sh" >&2
  exit 1
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for sample in manifest-shop cpp-shop contract-shop contract-diff; do
status=0
if [ "$sample" = contract-diff ]; then
  (cd "$source_dir/tests/fixtures/contract-diff" && "$binary" contract diff quotes-v1.yaml quotes-v2.yaml --format sarif -q -o "$work/report.sarif") || status=$?
else
  "$binary" check "$source_dir/samples/$sample" --format sarif -o "$work/report.sarif" 2>/dev/null || status=$?
fi
[ "$status" -eq 1 ] || { echo "expected exit 1 from $sample, got $status" >&2; exit 1; }
# The validator writes its own SARIF log; the levels it fails on are errors and warnings.
DOTNET_CLI_TELEMETRY_OPTOUT=1 "$tool" validate "$work/report.sarif" --output "$work/validation.sarif" \
  --log ForceOverwrite --level "Error;Warning" > "$work/validator.out" 2>&1 || { cat "$work/validator.out"; exit 1; }
echo "$sample:"
node -e '
const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const results = log.runs.flatMap(r => r.results || []).filter(r => r.level === "error" || r.level === "warning" || r.level === undefined);
for (const r of results) console.error(r.ruleId, JSON.stringify(r.message), JSON.stringify(r.locations || []));
if (results.length) { console.error(results.length + " validator error(s)/warning(s)"); process.exit(1); }
console.log("SARIF valid: 0 errors, 0 warnings");
' "$work/validation.sarif"
done
