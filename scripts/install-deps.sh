#!/usr/bin/env bash
# Installs the Debian packages eventscope needs to build and test, and the SARIF validator
# used by the test suite. Does nothing when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev
  libyaml-cpp-dev libgraphviz-dev graphviz libcli11-dev nlohmann-json3-dev libgtest-dev
  # Real client-library headers that the C++ extraction tests are compiled against.
  librdkafka-dev libpaho-mqttpp-dev libnats-dev libroscpp-dev libhiredis-dev
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The official SARIF validator (tests/sarif_validate_test) and the AsyncAPI reference
# parser (contract comparison tests). Kept in a project-local folder, never global.
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools/node"
if command -v npm >/dev/null 2>&1; then
  if [ ! -x "$tools/node_modules/.bin/sarif-multitool" ]; then
    echo "install-deps: installing @microsoft/sarif-multitool into .tools/node"
    mkdir -p "$tools"
    (cd "$tools" && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool >/dev/null 2>&1) \
      || echo "install-deps: warning: could not install @microsoft/sarif-multitool; the SARIF validation test will fail" >&2
  fi
fi
