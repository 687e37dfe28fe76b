#!/usr/bin/env bash
# Installs the Debian packages eventscope needs to build and test, and the SARIF validator
# used by the test suite. Does nothing when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang-19 llvm-19-dev libxml2-dev libclang-19-dev libclang-cpp19-dev libclang-rt-19-dev
  libyaml-cpp-dev libgraphviz-dev graphviz libcli11-dev nlohmann-json3-dev libgtest-dev
  # Real client-library headers that the C++ extraction tests are compiled against.
  librdkafka-dev libpaho-mqtt-dev libpaho-mqttpp-dev libnats-dev libroscpp-dev libstd-srvs-dev libhiredis-dev
  libmosquitto-dev libmosquittopp-dev libzmq3-dev cppzmq-dev libgflags-dev libabsl-dev
  # Qt 6 QtCore headers: Qt's text classes as carriers of a channel name (value_carriers_test).
  qt6-base-dev
  # ROS message definitions (.msg files), from which the message stand-ins get their fields.
  ros-std-msgs ros-sensor-msgs ros-geometry-msgs ros-nav-msgs ros-visualization-msgs
  ros-diagnostic-msgs ros-trajectory-msgs ros-shape-msgs ros-stereo-msgs
  nodejs
  # The broker the trace end-to-end test runs its instrumented programs through (tests/traces_e2e).
  mosquitto
  # The browser the explorer's tests drive headless (tests/explorer), through puppeteer-core.
  chromium
  # Bazel 4 (offline), which runs eventscope's aspect in tests/bazel.
  bazel-bootstrap
  # The generated value-flow programs (bench/value_matrix.py) and the benchmarks are Python.
  python3
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

# The official SARIF validator (tests/sarif_validate.sh) and the AsyncAPI reference parser
# (tests/asyncapi_reference.sh), asyncapi/diff (tests/asyncapi_diff_reference.sh), and ajv
# (tests/json_schema_validate.sh). Kept in a project-local folder, never global.
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools/node"
if command -v npm >/dev/null 2>&1; then
  mkdir -p "$tools"
  # The OpenTelemetry JS SDK, its OTLP/HTTP exporter and an MQTT client: the instrumented
  # programs of tests/traces_e2e (pinned; sdk-trace-node 2.12 needs api below 1.10).
  # cytoscape.js, cytoscape-dagre and Fuse.js: vendored into the HTML explorer at build time
  # (cmake/ExplorerLibraries.cmake checks their versions and SHA-256); puppeteer-core drives
  # Debian's chromium in tests/explorer.
  for package in @microsoft/sarif-multitool @asyncapi/parser@3 @asyncapi/diff@0.5.0 ajv@8 \
                 @opentelemetry/api@1.9.1 @opentelemetry/core@2.12.1 @opentelemetry/resources@2.12.1 \
                 @opentelemetry/sdk-trace-base@2.12.1 @opentelemetry/sdk-trace-node@2.12.1 \
                 @opentelemetry/exporter-trace-otlp-http@0.223.1 mqtt@5.16.0 \
                 cytoscape@3.33.1 cytoscape-dagre@4.0.1 fuse.js@7.1.0 puppeteer-core@24.10.0; do
    name="$package"
    case "$package" in ?*@*) name="${package%@*}" ;; esac # drop a version, not a scope
    if [ ! -f "$tools/node_modules/$name/package.json" ]; then
      echo "install-deps: installing $package into .tools/node"
      (cd "$tools" && npm install --silent --no-audit --no-fund "$package" >/dev/null 2>&1) \
        || echo "install-deps: warning: could not install $package; the tests that use it will fail" >&2
    fi
  done
fi
