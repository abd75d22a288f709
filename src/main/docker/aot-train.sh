#!/bin/sh
# JDK 25 AOT cache training run (JEP 483/514/515): start the packaged service on an embedded database in
# a scratch directory, exercise the API once, stop it; the JVM writes the cache at exit.
# Usage: aot-train.sh <quarkus-app dir> <java binary>   (writes <dir>/app.aot)
set -eu
app=${1:-/deployments}
java=${2:-java}
scratch=$(mktemp -d)
log="$scratch/train.log"
AUGUR_DATA_DIR="$scratch/pg" QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_PORT=0 AUGUR_LOG_JSON=false \
  "$java" -XX:AOTCacheOutput="$app/app.aot" -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
port=""
management=""
for _ in $(seq 1 600); do
  port=$(sed -n 's#.*Listening on: http://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -n 1)
  management=$(sed -n 's#.*Management interface listening on http://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -n 1)
  [ -n "$port" ] && [ -n "$management" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
[ -n "$port" ] && [ -n "$management" ] || { cat "$log"; kill "$pid"; exit 1; }
base="http://127.0.0.1:$port"
ops="http://127.0.0.1:$management"
curl -sf "$ops/q/health/ready" >/dev/null
curl -sf -X POST -H 'Content-Type: application/json' "$base/api/v1/models" -d '{"name":"train-model","parameters":1000000}' >/dev/null
curl -sf -X POST -H 'Content-Type: application/json' "$base/api/v1/benchmarks" -d '{"name":"train-bench","metric":"accuracy"}' >/dev/null
printf 'model,benchmark,seed,value\ntrain-model,train-bench,1,0.5\ntrain-model,train-bench,2,0.6\n' |
  curl -sf -X POST -H 'Content-Type: text/csv' --data-binary @- "$base/api/v1/evaluations" >/dev/null
curl -sf "$base/api/v1/evaluations?model=train-model" >/dev/null
curl -sf "$base/api/openapi" >/dev/null
curl -sf "$ops/q/openapi" >/dev/null
curl -sf "$ops/q/metrics" >/dev/null
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$scratch"
test -s "$app/app.aot"
echo "AOT cache written: $app/app.aot ($(du -h "$app/app.aot" | cut -f1))"
