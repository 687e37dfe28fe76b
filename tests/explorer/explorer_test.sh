#!/usr/bin/env bash
# Issue 23: the HTML explorer, opened and used in Debian's chromium (headless) by
# explorer_test.js. Writes the pages it opens (samples/cpp-shop, the grouped fixture here,
# samples/traced-shop with its recorded trace, a generated 400-service system and the
# catalog's index.html), then the screenshots of each state into SCREENS. Fails, saying why,
# when chromium or puppeteer-core is missing (scripts/install-deps.sh installs both).
set -euo pipefail
binary="$1"; source_dir="$2"; screens="$3"
export NODE_TOOLS="$source_dir/.tools/node"
[ -x /usr/bin/chromium ] || { echo "explorer test: /usr/bin/chromium is missing; run scripts/install-deps.sh" >&2; exit 1; }
[ -f "$NODE_TOOLS/node_modules/puppeteer-core/package.json" ] \
  || { echo "explorer test: puppeteer-core is missing from .tools/node; run scripts/install-deps.sh" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$screens"
es() { "$binary" "$@" --no-cache; }
es graph "$source_dir/samples/cpp-shop" --format html -o "$work/cpp-shop.html"
es scan "$source_dir/samples/cpp-shop" --format json > "$work/cpp-shop.scan.json"
es graph "$source_dir/samples/cpp-shop" --format dot --view channels > "$work/cpp-shop.channels.dot" 2>/dev/null
status=0; es check "$source_dir/samples/cpp-shop" --format json > "$work/cpp-shop.check.json" || status=$?
[ "$status" -eq 1 ] || { echo "check on cpp-shop exited $status, expected 1" >&2; exit 1; }
es graph "$source_dir/tests/explorer/grouped" --format html -o "$work/grouped.html" 2> "$work/grouped.err"
grep -q "eventscope.yaml:6:36: group fleet-team: 'nonexistent-\*' names no service" "$work/grouped.err" \
  || { echo "expected a warning for the group entry that names no service, got:" >&2; cat "$work/grouped.err" >&2; exit 1; }
es graph "$source_dir/samples/traced-shop" --traces "$source_dir/samples/traced-shop/traces/run.jsonl" \
  --format html -o "$work/traced.html" 2>/dev/null
python3 "$source_dir/bench/explorer_system.py" --services 400 --channels 2000 "$work/large"
es graph "$work/large" --format html -o "$work/large.html"
es docs "$source_dir/samples/cpp-shop" -o "$work/catalog" 2>/dev/null
node "$source_dir/tests/explorer/explorer_test.js" "$work" "$screens"
