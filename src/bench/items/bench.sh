#!/usr/bin/env bash
# Item-level results through the API (issue 14): 10 M cells (100 models x 100,000 items, make_items.py) uploaded as
# one gzip CSV to importItemResultsFromFile with createMissing, the whole request timed by curl, REPEATS times (each
# after the first replaces every (benchmark, model)); then the error bars of one model and the paired comparisons
# of 10 models read from the stored selection. Prints wall times, the service's CPU time (user + system, all
# threads) spent during each upload, its peak RSS (VmHWM) and the load average.
# Usage (after ./mvnw package -DskipTests): [JVM_OPTS=-Xmx384m] src/bench/items/bench.sh [REPEATS=3]
# Starts the packaged service on a throw-away embedded database and a free port; stops only that process.
set -uo pipefail
cd "$(dirname "$0")/../../.."
REPEATS=${1:-3}
DATA=${BENCH_DATA:-/tmp/augur-bench-items.csv.gz}
[ -f "$DATA" ] || python3 src/bench/items/make_items.py "$DATA"
KEY=${AUGUR_KEY:-$(grep -E '^%dev.augur.auth.bootstrap-key=' src/main/resources/application.properties | cut -d= -f2-)}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MPORT=$(free_port)
PGDIR=$(mktemp -d /tmp/augur-bench-items-pg.XXXX)
"${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java" ${JVM_OPTS:-} -Daugur.data-dir="$PGDIR/pg" -Daugur.embedded-database.durable=false -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" \
    -Daugur.auth.bootstrap-key="$KEY" -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$PGDIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$PGDIR"' EXIT
for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$MPORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$MPORT/q/health/ready" >/dev/null || { echo "the service did not start:"; tail -n 20 "$PGDIR/app.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1"
H="X-API-Key: $KEY"
cpu() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
# the embedded PostgreSQL: its postmaster (found by its data directory) and the postmaster's children (backends),
# live and reaped
pgcpu() {
    python3 - "$PGDIR/pg" <<'PY'
import os, sys
def stat(p):
    with open(f"/proc/{p}/stat") as f:
        s = f.read()
    return s[s.rindex(")") + 2:].split()
procs = {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            procs[int(d)] = stat(d)
        except OSError:
            pass
data = sys.argv[1]
total = 0
for pid, f in procs.items():
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    except OSError:
        continue
    if "postgres" in cmd and data in cmd:
        total += sum(int(x) for x in f[11:15])  # utime stime cutime cstime of the postmaster
        total += sum(int(c[11]) + int(c[12]) for c in procs.values() if int(c[1]) == pid)
print(total)
PY
}
TICK=$(getconf CLK_TCK)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%FT%TZ)"
echo "file: $DATA $(stat -c %s "$DATA") bytes (gzip)"
for i in $(seq 1 "$REPEATS"); do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    c0=$(cpu)
    p0=$(pgcpu)
    t=$(curl -s -H "$H" -o /tmp/augur-bench-items.json -w '%{http_code} %{time_total}' -F "file=@$DATA" \
        -F createMissing=true "$URL/item-results/file")
    c1=$(cpu)
    p1=$(pgcpu)
    echo "upload $i: $t s, JVM CPU $(python3 -c "print(round(($c1 - $c0) / $TICK, 1))") s, PostgreSQL CPU $(python3 -c "print(round(($p1 - $p0) / $TICK, 1))") s, load before $load: $(cat /tmp/augur-bench-items.json)"
done
echo "JVM peak RSS after the uploads: $(grep VmHWM /proc/$APP/status)"
t=$(curl -s -H "$H" -o /tmp/augur-bench-items-eb.json -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d '{"stored": {"benchmark": "bench-items", "models": ["bench-model-000"], "clusterBySubject": true}}' "$URL/reliability/error-bars")
echo "error bars, 1 model x 100,000 stored items, 1000 bootstrap rounds: $t s"
MODELS=$(python3 -c 'import json; print(json.dumps([f"bench-model-{j:03d}" for j in range(10)]))')
t=$(curl -s -H "$H" -o /tmp/augur-bench-items-pc.json -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d "{\"stored\": {\"benchmark\": \"bench-items\", \"models\": $MODELS}, \"bootstrap\": {\"rounds\": 0}}" "$URL/reliability/paired-comparisons")
echo "paired comparisons, 10 models (45 pairs) x 100,000 stored items: $t s"
t=$(curl -s -H "$H" -o /tmp/augur-bench-items-export.csv -w '%{http_code} %{time_total}' "$URL/item-results/export?benchmark=bench-items")
echo "export CSV of 10 M cells: $t s, $(stat -c %s /tmp/augur-bench-items-export.csv) bytes"
echo "JVM peak RSS at the end: $(grep VmHWM /proc/$APP/status) (JVM_OPTS: ${JVM_OPTS:-none})"
