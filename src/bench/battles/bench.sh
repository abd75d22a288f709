#!/usr/bin/env bash
# Bulk battle uploads through the API against the numpy/scipy FastChat-method reference (issue 14).
# Usage (after ./mvnw package -DskipTests): src/bench/battles/bench.sh [REPEATS=3]
# Generates 2,000,000 battles among 150 models (make_battles.py), starts the packaged service on a
# throw-away embedded database and a free port, then, REPEATS times and interleaved with the reference
# (bt_reference.py, same file, same machine): the stateless Bradley-Terry upload with 100 bootstrap rounds
# (whole request: upload, parse, fit, bootstrap), then a fresh stored arena: upload, leaderboard with 100
# rounds, and the same file again; then 1,000,000 evaluation rows (make_evaluations.py) imported with
# createMissing, twice (the second replaces every row; BENCH_EVALUATIONS=skip leaves them out). Prints wall
# times (curl's time_total), the CPU time the service's JVM and its PostgreSQL processes spent on each arena
# request (from /proc, in seconds), the load average, and the JVM's peak RSS.
set -uo pipefail
cd "$(dirname "$0")/../../.."
REPEATS=${1:-3}
DATA=${BENCH_DATA:-/tmp/augur-bench-battles.csv}
[ -f "$DATA" ] || python3 src/bench/battles/make_battles.py "$DATA"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGDIR=$(mktemp -d /tmp/augur-bench-pg.XXXX)
KEY=augur_benchkey_local-benchmark-only-0123456789
java ${BENCH_JAVA_OPTS:-} -Daugur.auth.bootstrap-key=$KEY -Daugur.data-dir="$PGDIR/pg" -Daugur.embedded-database.durable=false \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port=0 \
    -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$PGDIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$PGDIR"' EXIT
for _ in $(seq 1 300); do
    curl -sf -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/arenas" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -sf -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/arenas" >/dev/null || { echo "the service did not start:"; tail -n 20 "$PGDIR/app.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1"
H="X-API-Key: $KEY"
TICK=$(getconf CLK_TCK)
# CPU seconds so far of the JVM and of PostgreSQL (postmaster and its backends)
jcpu() { awk -v t="$TICK" '{printf "%.2f", ($14+$15)/t}' /proc/$APP/stat; }
pcpu() { local pm s=0; pm=$(pgrep -f "postgres -D $PGDIR/pg" | head -1)
    for p in $pm $(pgrep -P "$pm"); do s=$((s + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
    awk -v s="$s" -v t="$TICK" 'BEGIN{printf "%.2f", s/t}'; }
cpu() { echo "$(jcpu) $(pcpu)"; }
spent() { read -r j0 p0 <<<"$1"; read -r j1 p1 <<<"$2"; awk -v a="$j0" -v b="$j1" -v c="$p0" -v d="$p1" \
    'BEGIN{printf "CPU: JVM %.2f s, PostgreSQL %.2f s", b-a, d-c}'; }
load() { echo "load $(cut -d' ' -f1 /proc/loadavg)"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "file: $DATA $(stat -c %s "$DATA") bytes"
for i in $(seq 1 "$REPEATS"); do
    t=$(curl -s -H "$H" -o /tmp/augur-bench-bt.json -w '%{http_code} %{time_total}' -F "file=@$DATA" -F rounds=100 -F seed=42 \
        "$URL/leaderboards/bradley-terry/file")
    echo "run $i augur stateless BT upload+fit+100 rounds: $t s ($(python3 -c 'import json,sys; d=json.load(open("/tmp/augur-bench-bt.json")); e=d["entries"][0]; print(d["observations"], e["model"], round(e["rating"],2), e["interval"])'))"
    /usr/bin/time -f "CPU %U s user + %S s system, peak RSS %M KiB" -o /tmp/augur-bench-ref.time \
        python3 src/bench/battles/bt_reference.py "$DATA" 100 2>/dev/null | sed "s/^/run $i reference: /"
    echo "run $i reference: $(cat /tmp/augur-bench-ref.time)"
    ARENA=$(curl -s -H "$H" -H 'Content-Type: application/json' -d "{\"name\":\"bench-$i-$RANDOM\"}" "$URL/arenas" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    c0=$(cpu)
    t=$(curl -s -H "$H" -o /tmp/augur-bench-up.json -w '%{http_code} %{time_total}' -F "file=@$DATA" "$URL/arenas/$ARENA/battles/file")
    c1=$(cpu)
    echo "run $i augur arena upload: $t s $(cat /tmp/augur-bench-up.json) $(spent "$c0" "$c1") $(load)"
    t=$(curl -s -H "$H" -o /tmp/augur-bench-lb.json -w '%{http_code} %{time_total}' "$URL/arenas/$ARENA/leaderboard?rounds=100&seed=42")
    c2=$(cpu)
    echo "run $i augur arena leaderboard 100 rounds: $t s ($(python3 -c 'import json; d=json.load(open("/tmp/augur-bench-lb.json")); e=d["entries"][0]; print(e["model"], round(e["rating"],2), e["interval"])')) $(spent "$c1" "$c2") $(load)"
    t=$(curl -s -H "$H" -o /tmp/augur-bench-up2.json -w '%{http_code} %{time_total}' -F "file=@$DATA" "$URL/arenas/$ARENA/battles/file")
    c3=$(cpu)
    echo "run $i augur arena same file again: $t s $(cat /tmp/augur-bench-up2.json) $(spent "$c2" "$c3") $(load)"
    t=$(curl -s -H "$H" -o /tmp/augur-bench-ap.json -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
        -d '{"battles":[{"battleId":"extra-1","modelA":"model-001","modelB":"model-002","outcome":"tie"}]}' "$URL/arenas/$ARENA/battles")
    c4=$(cpu)
    echo "run $i augur arena one-battle JSON append to the 2M arena: $t s $(cat /tmp/augur-bench-ap.json) $(spent "$c3" "$c4")"
    t=$(curl -s -H "$H" -o /tmp/augur-bench-export.csv -w '%{http_code} %{time_total}' "$URL/arenas/$ARENA/battles")
    c5=$(cpu)
    echo "run $i augur arena export (CSV): $t s, $(wc -l < /tmp/augur-bench-export.csv) lines, md5 $(md5sum < /tmp/augur-bench-export.csv | cut -c1-12) $(spent "$c4" "$c5")"
    curl -s -H "$H" -X DELETE "$URL/arenas/$ARENA" >/dev/null
done
EVAL=${BENCH_EVALUATIONS:-/tmp/augur-bench-evaluations.csv}
[ "$EVAL" = skip ] || [ -f "$EVAL" ] || python3 src/bench/battles/make_evaluations.py "$EVAL"
for i in 1 2; do
    [ "$EVAL" = skip ] && break
    t=$(curl -s -H "$H" -o /tmp/augur-bench-ev.json -w '%{http_code} %{time_total}' -F "file=@$EVAL" -F createMissing=true "$URL/evaluations/file")
    echo "evaluations import $i ($(stat -c %s "$EVAL") bytes): $t s $(cat /tmp/augur-bench-ev.json)"
done
echo "JVM peak RSS: $(grep VmHWM /proc/$APP/status)"
