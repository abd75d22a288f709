#!/usr/bin/env bash
# Bulk evaluation import through the API (issue 14): the whole request as curl sees it, with the CPU time the
# service's JVM and its embedded PostgreSQL spent on it, and the JVM's peak RSS.
# Usage (after ./mvnw package -DskipTests): src/bench/evaluations/bench.sh [REPEATS=2]
# Environment: BENCH_EVALUATIONS (the CSV; made by ../battles/make_evaluations.py when absent: 1,000,000 rows,
# 2,000 models x 500 benchmarks), JAVA_OPTS (e.g. -Xmx256m to show the bound), DURABLE=true (fsync and synchronous
# commit on, as a production database; default false), APP_DIR (another build), GZIP=1 (send the file gzipped).
# Each run imports the file into a new workspace-fresh database state: run 1 creates every model and benchmark
# (createMissing=true) and inserts every row; later runs send the same rows again (left as stored). CHANGED=1 adds a
# last run with the same identities and other values (seed 15), so every row is rewritten.
set -uo pipefail
cd "$(dirname "$0")/../../.."
REPEATS=${1:-2}
EVAL=${BENCH_EVALUATIONS:-/tmp/augur-bench-evaluations.csv}
[ -f "$EVAL" ] || python3 src/bench/battles/make_evaluations.py "$EVAL"
if [ "${GZIP:-0}" = 1 ]; then gzip -1 -c "$EVAL" > "$EVAL.gz"; EVAL="$EVAL.gz"; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
MPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGDIR=$(mktemp -d /tmp/augur-bench-pg.XXXX)
KEY=augur_bench_$(python3 -c 'import secrets; print(secrets.token_hex(16))')
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Daugur.data-dir="$PGDIR/pg" -Daugur.embedded-database.durable="${DURABLE:-false}" \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" -Daugur.auth.bootstrap-key="$KEY" \
    -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$PGDIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; cp "$PGDIR/app.log" "${BENCH_LOG:-/tmp/augur-bench-evaluations-app.log}"; rm -rf "$PGDIR"' EXIT
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$MPORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 $APP 2>/dev/null || break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$MPORT/q/health/ready" >/dev/null || { echo "the service did not start:"; tail -n 20 "$PGDIR/app.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1"
# CPU seconds (user + system): the JVM, and the embedded PostgreSQL (its postmaster, found by its data directory,
# with its live children and those that ended)
cpu() { python3 - "$1" "$PGDIR/pg" <<'PY'
import os, sys
tck = os.sysconf('SC_CLK_TCK'); jvm, data = sys.argv[1], sys.argv[2]
stat, kids, postmaster = {}, {}, None
for p in filter(str.isdigit, os.listdir('/proc')):
    try:
        f = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
        stat[p] = f
        kids.setdefault(f[1], []).append(p)
        if postmaster is None and data in open(f'/proc/{p}/cmdline').read().split('\0') and os.path.basename(os.readlink(f'/proc/{p}/exe')) == 'postgres':
            postmaster = p
    except Exception: pass
own = lambda p: int(stat[p][11]) + int(stat[p][12])
pg = 0
if postmaster:
    pg = own(postmaster) + int(stat[postmaster][13]) + int(stat[postmaster][14]) + sum(own(c) for c in kids.get(postmaster, []))
print(f"{own(jvm) / tck:.2f} {pg / tck:.2f}")
PY
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
echo "file: $EVAL $(stat -c %s "$EVAL") bytes; durable=${DURABLE:-false}; JAVA_OPTS=${JAVA_OPTS:-}"
for i in $(seq 1 "$REPEATS"); do
    read -r jvm0 pg0 < <(cpu $APP)
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t=$(curl -s -H "X-API-Key: $KEY" -o "$PGDIR/ev.json" -w '%{http_code} %{time_total}' -F "file=@$EVAL" -F createMissing=true "$URL/evaluations/file")
    read -r jvm1 pg1 < <(cpu $APP)
    echo "import $i: $t s (JVM CPU $(echo "$jvm1 - $jvm0" | bc) s, PostgreSQL CPU $(echo "$pg1 - $pg0" | bc) s; load before $load, after $(cut -d' ' -f1-3 /proc/loadavg)) $(cat "$PGDIR/ev.json")"
done
if [ "${CHANGED:-0}" = 1 ]; then
    OTHER=${EVAL%.csv}-changed.csv
    [ -f "$OTHER" ] || python3 src/bench/battles/make_evaluations.py "$OTHER" 2000 500 15
    read -r jvm0 pg0 < <(cpu $APP)
    t=$(curl -s -H "X-API-Key: $KEY" -o "$PGDIR/ev.json" -w '%{http_code} %{time_total}' -F "file=@$OTHER" -F createMissing=true "$URL/evaluations/file")
    read -r jvm1 pg1 < <(cpu $APP)
    echo "import with every value changed: $t s (JVM CPU $(echo "$jvm1 - $jvm0" | bc) s, PostgreSQL CPU $(echo "$pg1 - $pg0" | bc) s) $(cat "$PGDIR/ev.json")"
fi
echo "JVM peak RSS: $(grep VmHWM /proc/$APP/status)"
