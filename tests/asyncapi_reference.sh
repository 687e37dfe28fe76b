#!/usr/bin/env bash
# Runs the reference parser over the public AsyncAPI corpus and the samples' contracts and
# compares its reading with eventscope's. Fails (exit 1, saying why) when node, the parser or
# the corpus is missing: a check that skips itself on a clean clone proves nothing.
# scripts/install-deps.sh brings node and the parser; the corpus is tests/corpus.
set -euo pipefail
binary="$1"; source_dir="$2"
if ! command -v node >/dev/null || [ ! -d "$source_dir/.tools/node/node_modules/@asyncapi/parser" ]; then
  echo "reference parser not installed: run scripts/install-deps.sh" >&2
  exit 1
fi
corpus="$source_dir/tests/corpus/asyncapi"
files=()
if [ ! -f "$corpus/reference-parser.json" ]; then
  echo "no corpus at $corpus/reference-parser.json" >&2
  exit 1
fi
while IFS= read -r f; do files+=("$corpus/$f"); done < <(node -e 'for (const k of Object.keys(require(process.argv[1]))) console.log(k)' "$corpus/reference-parser.json")
node "$source_dir/tests/asyncapi_reference.js" "$binary" "$corpus" "${files[@]}"
node "$source_dir/tests/asyncapi_reference.js" "$binary" "$source_dir/samples/contract-shop" "$source_dir"/samples/contract-shop/contracts/*.yaml

# Code-first export: every service of the samples, exported and read back by both parsers.
exported="$(mktemp -d)"
trap 'rm -rf "$exported"' EXIT
for sample in contract-shop cpp-shop manifest-shop; do
  for service in $(cd "$source_dir/samples/$sample" && "$binary" scan -q | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).services.join("\n")))'); do
    (cd "$source_dir/samples/$sample" && "$binary" export asyncapi --service "$service" -q -o "$exported/$sample-$service.yaml")
  done
done
node "$source_dir/tests/asyncapi_reference.js" "$binary" "$exported" "$exported"/*.yaml
