#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs eventscope on the
# sample system: the findings are printed and a diagram is written.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh"
build="${BUILD_DIR:-$here/build}"
sample="$here/samples/cpp-shop"
echo
echo "== eventscope check samples/cpp-shop"
status=0
"$build/cli/eventscope" check "$sample" || status=$?
# Exit status 1 means "findings at the failing severity": expected on this sample.
[ "$status" -le 1 ] || exit "$status"
"$build/cli/eventscope" graph "$sample" --format svg -o "$here/cpp-shop.svg"
"$build/cli/eventscope" graph "$sample" --format html -o "$here/cpp-shop.html"
echo "== diagram written to cpp-shop.svg; explore it in a browser: cpp-shop.html"
