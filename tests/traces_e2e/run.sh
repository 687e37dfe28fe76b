#!/usr/bin/env bash
# End-to-end trace harness: mosquitto broker + three OpenTelemetry-instrumented
# node services (orders, payments, warehouse, ledger) + an OTLP/HTTP JSON receiver that
# writes OUTFILE as JSON lines (OpenTelemetry Collector file-exporter format).
# Usage: tests/traces_e2e/run.sh OUTFILE [N]     (N = orders to publish, default 200)
# Env:   TRACES_E2E_NODE_MODULES  node_modules with the pinned packages
#                                 (default <repo>/.tools/node/node_modules)
#        TRACES_E2E_VERIFY=0      skip the built-in verify.js check
#        TRACES_E2E_KEEP_TMP=1    keep the temp dir with the logs
set -uo pipefail

die() { echo "traces_e2e: ERROR: $*" >&2; exit 1; }

if [ $# -lt 1 ] || [ $# -gt 2 ]; then die "usage: $0 OUTFILE [N]"; fi
OUTFILE="$1"
N="${2:-200}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"

# A stale file from an earlier run must never pass for this run's output.
rm -f "$OUTFILE" "$OUTFILE.partial" 2>/dev/null

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export TRACES_E2E_NODE_MODULES="${TRACES_E2E_NODE_MODULES:-$(cd "$HERE/../.." && pwd)/.tools/node/node_modules}"

# ---- prerequisites: fail loudly, never produce an empty file --------------
command -v node >/dev/null 2>&1 || die "node is not installed (need node >= 18)"
MOSQUITTO="$(command -v mosquitto 2>/dev/null || true)"
[ -n "$MOSQUITTO" ] || { [ -x /usr/sbin/mosquitto ] && MOSQUITTO=/usr/sbin/mosquitto; }
[ -n "$MOSQUITTO" ] || die "mosquitto broker not found: apt-get install -y --no-install-recommends mosquitto (scripts/install-deps.sh installs it)"
MISSING="$(node -e '
  const path = require("path");
  const r = require("module").createRequire(path.join(process.argv[1], "index.js"));
  const pk = ["@opentelemetry/api","@opentelemetry/core","@opentelemetry/resources","@opentelemetry/sdk-trace-base",
              "@opentelemetry/sdk-trace-node","@opentelemetry/exporter-trace-otlp-http","mqtt"];
  console.log(pk.filter((p) => { try { r.resolve(p); return false; } catch (e) { return true; } }).join(" "));
' "$TRACES_E2E_NODE_MODULES")" || die "node failed to check the npm packages"
[ -z "$MISSING" ] || die "npm packages missing from $TRACES_E2E_NODE_MODULES: $MISSING (run scripts/install-deps.sh)"

OUTDIR="$(dirname "$OUTFILE")"
mkdir -p "$OUTDIR" || die "cannot create $OUTDIR"
PARTIAL="$OUTFILE.partial"

# ---- process bookkeeping + cleanup trap -----------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/traces_e2e.XXXXXX")" || die "mktemp failed"
PIDS=()
BROKER_PID=""; RECEIVER_PID=""
cleanup() {
  local rc=$?
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  if [ "$rc" -ne 0 ]; then
    for f in "$TMP"/*.log; do
      [ -s "$f" ] || continue
      echo "---- $(basename "$f") (last lines) ----" >&2
      tail -n 15 "$f" >&2
    done
  fi
  if [ "${TRACES_E2E_KEEP_TMP:-0}" = 1 ]; then echo "traces_e2e: logs kept in $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_for_line FILE REGEX PID TIMEOUT_S WHAT
wait_for_line() {
  local file="$1" re="$2" pid="$3" what="$5" i
  local tries=$(( $4 * 20 ))
  for ((i = 0; i < tries; i++)); do
    grep -qE "$re" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$what exited before becoming ready"
    sleep 0.05
  done
  die "$what not ready after $4 s"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# ---- broker ----------------------------------------------------------------
start_broker() {
  BROKER_PORT="$(free_port)" || die "could not pick a free port"
  cat > "$TMP/mosquitto.conf" <<CONF
listener $BROKER_PORT 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 0
log_dest stderr
log_type error
log_type warning
log_type notice
CONF
  "$MOSQUITTO" -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
  BROKER_PID=$!
  PIDS+=("$BROKER_PID")
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$BROKER_PID" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  return 1
}
ok=0
for _attempt in 1 2 3; do
  if start_broker; then ok=1; break; fi
  kill "$BROKER_PID" 2>/dev/null; wait "$BROKER_PID" 2>/dev/null
done
[ "$ok" = 1 ] || die "mosquitto did not start (see log below)"
BROKER="mqtt://127.0.0.1:$BROKER_PORT"

# ---- OTLP receiver ---------------------------------------------------------
node "$HERE/receiver.js" "$PARTIAL" 0 >"$TMP/receiver.log" 2>&1 &
RECEIVER_PID=$!
PIDS+=("$RECEIVER_PID")
wait_for_line "$TMP/receiver.log" '^listening [0-9]+$' "$RECEIVER_PID" 10 "receiver"
OTLP="http://127.0.0.1:$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$TMP/receiver.log" | head -n1)"

# ---- services ----------------------------------------------------------------
IDLE_MS="${TRACES_E2E_IDLE_MS:-5000}"
declare -A SVC_PID
for svc in payments warehouse ledger orders; do
  case "$svc" in
    warehouse|ledger) script=(consumer.js --name "$svc") ;;
    *) script=("$svc.js") ;;
  esac
  node "$HERE/${script[0]}" "${script[@]:1}" --broker "$BROKER" --otlp "$OTLP" --n "$N" --idle-ms "$IDLE_MS" >"$TMP/$svc.log" 2>&1 &
  SVC_PID[$svc]=$!
  PIDS+=("${SVC_PID[$svc]}")
done
for svc in payments warehouse ledger orders; do
  wait_for_line "$TMP/$svc.log" '^ready$' "${SVC_PID[$svc]}" 15 "$svc"
done
echo "traces_e2e: broker $BROKER, receiver $OTLP, consumers ready; publishing $N orders"
kill -USR2 "${SVC_PID[orders]}" || die "could not signal orders"

# ---- wait for the services (each exits after its expected count) ------------
DEADLINE=$(( SECONDS + 30 + N / 20 ))
FAILED=()
for svc in payments warehouse ledger orders; do
  pid="${SVC_PID[$svc]}"
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$DEADLINE" ]; then die "$svc did not finish in time"; fi
    sleep 0.05
  done
  wait "$pid"; rc=$?
  grep -E "^$svc: " "$TMP/$svc.log" | tail -n1
  [ "$rc" -eq 0 ] || FAILED+=("$svc(exit $rc)")
done
[ ${#FAILED[@]} -eq 0 ] || die "service(s) failed: ${FAILED[*]}"

# services flushed + shut down their SDK before exiting, so every export is in.
kill -TERM "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null
grep -v '^listening' "$TMP/receiver.log" || true
grep -q 'refused\|bad request' "$TMP/receiver.log" && die "receiver rejected some export requests"
[ -s "$PARTIAL" ] || die "no trace data was received"

if [ "${TRACES_E2E_VERIFY:-1}" != 0 ]; then
  node "$HERE/verify.js" "$PARTIAL" "$N" || die "verification of the trace file failed"
fi
mv -f "$PARTIAL" "$OUTFILE" || die "cannot write $OUTFILE"
echo "traces_e2e: wrote $OUTFILE"
