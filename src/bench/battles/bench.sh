#!/usr/bin/env bash
# Bulk battle uploads through the API against the numpy/scipy FastChat-method reference (issue 14).
# Usage (after ./mvnw package -DskipTests): src/bench/battles/bench.sh [REPEATS=3]
# Generates 2,000,000 battles among 150 models (make_battles.py), starts the packaged service on a
# throw-away embedded database and a free port, then, REPEATS times and interleaved with the reference
# (bt_reference.py, same file, same machine): the stateless Bradley-Terry upload with 100 bootstrap rounds
# (whole request: upload, parse, fit, bootstrap), then a fresh stored arena: upload, leaderboard with 100
# rounds, and the same file again; then 1,000,000 evaluation rows (make_evaluations.py) imported with
# createMissing, twice (the second replaces every row). Prints wall times (curl's time_total) and the JVM's
# peak RSS.
set -uo pipefail
cd "$(dirname "$0")/../../.."
REPEATS=${1:-3}
DATA=${BENCH_DATA:-/tmp/augur-bench-battles.csv}
[ -f "$DATA" ] || python3 src/bench/battles/make_battles.py "$DATA"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGDIR=$(mktemp -d /tmp/augur-bench-pg.XXXX)
java -Daugur.data-dir="$PGDIR/pg" -Daugur.embedded-database.durable=false -Dquarkus.http.port="$PORT" \
    -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" > "$PGDIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$PGDIR"' EXIT
for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "the service did not start:"; tail -n 20 "$PGDIR/app.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "file: $DATA $(stat -c %s "$DATA") bytes"
for i in $(seq 1 "$REPEATS"); do
    t=$(curl -s -o /tmp/augur-bench-bt.json -w '%{http_code} %{time_total}' -F "file=@$DATA" -F rounds=100 -F seed=42 \
        "$URL/leaderboards/bradley-terry/file")
    echo "run $i augur stateless BT upload+fit+100 rounds: $t s ($(python3 -c 'import json,sys; d=json.load(open("/tmp/augur-bench-bt.json")); e=d["entries"][0]; print(d["observations"], e["model"], round(e["rating"],2), e["interval"])'))"
    python3 src/bench/battles/bt_reference.py "$DATA" 100 2>/dev/null | sed "s/^/run $i reference: /"
    ARENA=$(curl -s -H 'Content-Type: application/json' -d "{\"name\":\"bench-$i-$RANDOM\"}" "$URL/arenas" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    t=$(curl -s -o /tmp/augur-bench-up.json -w '%{http_code} %{time_total}' -F "file=@$DATA" "$URL/arenas/$ARENA/battles/file")
    echo "run $i augur arena upload: $t s $(cat /tmp/augur-bench-up.json)"
    t=$(curl -s -o /tmp/augur-bench-lb.json -w '%{http_code} %{time_total}' "$URL/arenas/$ARENA/leaderboard?rounds=100&seed=42")
    echo "run $i augur arena leaderboard 100 rounds: $t s"
    t=$(curl -s -o /tmp/augur-bench-up2.json -w '%{http_code} %{time_total}' -F "file=@$DATA" "$URL/arenas/$ARENA/battles/file")
    echo "run $i augur arena same file again: $t s $(cat /tmp/augur-bench-up2.json)"
    curl -s -X DELETE "$URL/arenas/$ARENA" >/dev/null
done
EVAL=${BENCH_EVALUATIONS:-/tmp/augur-bench-evaluations.csv}
[ -f "$EVAL" ] || python3 src/bench/battles/make_evaluations.py "$EVAL"
for i in 1 2; do
    t=$(curl -s -o /tmp/augur-bench-ev.json -w '%{http_code} %{time_total}' -F "file=@$EVAL" -F createMissing=true "$URL/evaluations/file")
    echo "evaluations import $i ($(stat -c %s "$EVAL") bytes): $t s $(cat /tmp/augur-bench-ev.json)"
done
echo "JVM peak RSS: $(grep VmHWM /proc/$APP/status)"
