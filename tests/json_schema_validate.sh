#!/usr/bin/env bash
# Validates `scan --format json` and `check --format json` against the published schemas
# (docs/schema/*.schema.json, JSON Schema 2020-12) with ajv, installed by
# scripts/install-deps.sh: the samples, and ROS systems with services, message types and QoS
# (tests/ros_kinds), so that every field and value the writers emit is one the schema allows.
set -euo pipefail
binary="$1"; source_dir="$2"
modules="$source_dir/.tools/node/node_modules"
if [ ! -f "$modules/ajv/dist/2020.js" ]; then
  echo "ajv is not installed: run scripts/install-deps.sh" >&2
  exit 1
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
count=0
for system in samples/cpp-shop samples/contract-shop samples/manifest-shop tests/ros_kinds/5-type/bug \
              tests/ros_kinds/6-qos/bug tests/ros_kinds/8-service-namespace/bug; do
  name="${system//\//_}"
  (cd "$source_dir/$system" && "$binary" scan --no-cache -q > "$work/$name.scan.json")
  status=0
  (cd "$source_dir/$system" && "$binary" check --no-cache -q --format json > "$work/$name.check.json") || status=$?
  [ "$status" -le 1 ] || { echo "check exited $status on $system" >&2; exit 1; }
  count=$((count + 1))
done
# With traces: the "observed" object (issue 22).
(cd "$source_dir/samples/traced-shop" && "$binary" scan --no-cache -q --traces traces/run.jsonl > "$work/traced-shop.scan.json")
status=0
(cd "$source_dir/samples/traced-shop" && "$binary" check --no-cache -q --format json --traces traces/run.jsonl > "$work/traced-shop.check.json") || status=$?
[ "$status" -le 1 ] || { echo "check exited $status on samples/traced-shop with traces" >&2; exit 1; }
grep -q '"observed"' "$work/traced-shop.scan.json" || { echo "scan --traces wrote no observed graph" >&2; exit 1; }
NODE_PATH="$modules" node -e '
const Ajv = require("ajv/dist/2020").default;
const fs = require("fs"), path = require("path");
const [schemas, work] = process.argv.slice(1);
const ajv = new Ajv({allErrors: true, strict: false});
const scan = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, "scan.schema.json"), "utf8")));
const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, "check.schema.json"), "utf8")));
let bad = 0, endpoints = 0, findings = 0;
for (const file of fs.readdirSync(work).sort()) {
  const doc = JSON.parse(fs.readFileSync(path.join(work, file), "utf8"));
  const validate = file.endsWith(".scan.json") ? scan : check;
  if (file.endsWith(".scan.json")) endpoints += doc.endpoints.length; else findings += (doc.findings || []).length;
  if (!validate(doc)) { bad++; console.error(file + ": " + ajv.errorsText(validate.errors, {separator: "\n  "})); }
}
if (bad) process.exit(1);
console.log("valid: " + endpoints + " endpoints, " + findings + " findings");
' "$source_dir/docs/schema" "$work"
echo "$count systems"
