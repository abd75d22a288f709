#!/usr/bin/env bash
# Start-up of the serving process as Kubernetes runs it (serve-only, against an external, migrated
# PostgreSQL: no embedded database, no Flyway, no JDBC pool), with and without the JDK 25 AOT cache, runs
# interleaved so that both see the same background load.
#
# Per start: launch to the first 200 from /q/health/ready (polled every 10 ms), the JVM's CPU time
# (user + system, all threads, from /proc/<pid>/stat) at that moment, then the first request (time of
# one POST /api/v1/models: body parsing and validation on the compute pool, an insert through Hibernate
# Reactive) and the CPU time after it, and the resident memory after it. Prints the median and the
# minimum of each, and the load average before and after.
#
# Usage: src/bench/startup-serve.sh [runs per variant, default 7]
#   after ./mvnw package -DskipTests; needs JAVA_HOME = JDK 25, curl, and an external database:
#   DB_URL=postgresql://127.0.0.1:5432/augur DB_USER=augur DB_PASSWORD=... src/bench/startup-serve.sh 7
#   APP_DIR=...   the quarkus-app directory (default target/quarkus-app); the AOT cache is <APP_DIR>/app.aot,
#                 trained with src/main/docker/aot-train.sh when absent (as the JVM image does)
#   VARIANTS="plain aot aot-container"   what to measure (default "plain aot"); aot-container adds the
#                 JVM overlay's heap setting and the collector the JVM picks in a 768 Mi container
# A throwaway PostgreSQL 15 for it (as a user that may run initdb):
#   initdb -D /tmp/pg -U augur --auth=trust && pg_ctl -D /tmp/pg -o "-p 5499 -k /tmp" start &&
#   psql -h 127.0.0.1 -p 5499 -U augur -d postgres -c 'create database augur'    (pg_ctl -D /tmp/pg stop after)
# The script migrates it first (`java -jar quarkus-run.jar migrate`), uses HTTP port 0, and stops only
# the processes it started, by PID.
set -euo pipefail
runs=${1:-7}
here=$(cd "$(dirname "$0")/../.." && pwd)
app=${APP_DIR:-"$here/target/quarkus-app"}
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
variants=${VARIANTS:-"plain aot"}
: "${DB_URL:?set DB_URL=postgresql://host:port/db of a PostgreSQL to measure against}"
[ -f "$app/quarkus-run.jar" ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QUARKUS_DATASOURCE_REACTIVE_URL="$DB_URL" QUARKUS_DATASOURCE_USERNAME="${DB_USER:-augur}" \
  QUARKUS_DATASOURCE_PASSWORD="${DB_PASSWORD:-augur}" AUGUR_LOG_JSON=false QUARKUS_HTTP_PORT=0

"$java" -jar "$app/quarkus-run.jar" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
case " $variants " in *" aot"*)
  [ -s "$app/app.aot" ] || sh "$here/src/main/docker/aot-train.sh" "$app" "$java" >&2 ;;
esac

now_ms() { date +%s%3N; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

options() {
  case $1 in
    plain) ;;
    aot) echo "-XX:AOTCache=$app/app.aot" ;;
    # as the JVM image runs in the JVM overlay: the Parallel collector (run-java.sh's default), heap 60% of
    # the container's 768 Mi
    aot-container) echo "-XX:AOTCache=$app/app.aot -XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:+UseParallelGC" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

# start <variant>: prints "ready_ms cpu_at_ready_ms first_request_ms cpu_after_first_ms rss_kib"
start() {
  local log="$work/run.log"; : >"$log"
  local t0; t0=$(now_ms)
  # shellcheck disable=SC2046
  "$java" $(options "$1") -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
  local pid=$! port="" ready="" cpu=""
  while [ -z "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    [ -n "$port" ] || port=$(sed -n 's#.*Listening on: http://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -n 1)
    if [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      ready=$(( $(now_ms) - t0 )); cpu=$(cpu_ms "$pid")
    else
      sleep 0.01
    fi
  done
  local first
  first=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port/api/v1/models" -d "{\"name\":\"startup-bench-$RANDOM$RANDOM\",\"parameters\":1000000}")
  local cpu_after; cpu_after=$(cpu_ms "$pid")
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $cpu $(awk -v s="$first" 'BEGIN {print int(s * 1000 + 0.5)}') $cpu_after $rss"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
set -- $variants
start "$1" >/dev/null   # one unmeasured start: file cache, database buffers
for v in $variants; do : >"$work/$v.txt"; done
for i in $(seq "$runs"); do
  order=$variants
  [ $((i % 2)) = 0 ] && order=$(echo "$variants" | tr ' ' '\n' | tac | tr '\n' ' ')
  for v in $order; do start "$v" >>"$work/$v.txt"; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
minimum() { sort -n | head -n 1; }
summary() { printf '%s (min %s)' "$(cut -d' ' -f"$1" "$2" | median)" "$(cut -d' ' -f"$1" "$2" | minimum)"; }

echo "app: $app; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $load_before, after: $load_after;"
echo "$runs starts per variant, interleaved; median (min), ms"
echo
echo "| variant | launch to ready | JVM CPU to ready | first request (POST /api/v1/models) | JVM CPU after it | RSS after it |"
echo "|---|---|---|---|---|---|"
for v in $variants; do
  printf '| %s | %s | %s | %s | %s | %s MiB |\n' "$v" "$(summary 1 "$work/$v.txt")" "$(summary 2 "$work/$v.txt")" \
    "$(summary 3 "$work/$v.txt")" "$(summary 4 "$work/$v.txt")" "$(( $(cut -d' ' -f5 "$work/$v.txt" | median) / 1024 ))"
done
