#!/usr/bin/env bash
# Runs tests/asyncapi_diff_reference.js: eventscope's contract diff against @asyncapi/diff on
# its fixtures, eventscope's labelled pair and mutations of the public AsyncAPI examples
# (tests/corpus, a copy of ../shared/corpus kept here). scripts/install-deps.sh installs node and the package.
set -euo pipefail
binary="$1"; source_dir="$2"
if ! command -v node >/dev/null || [ ! -d "$source_dir/.tools/node/node_modules/@asyncapi/diff" ]; then
  echo "@asyncapi/diff not installed: run scripts/install-deps.sh" >&2
  exit 1
fi
corpus="$source_dir/tests/corpus/asyncapi"
node "$source_dir/tests/asyncapi_diff_reference.js" "$binary" "$source_dir" "$corpus"
