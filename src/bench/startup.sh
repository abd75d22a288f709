#!/usr/bin/env bash
# Start-up benchmark: time from launch to the first successful /q/health/ready, the embedded PostgreSQL's
# share of it, and resident memory after start, for the plain JVM jar and for the JDK 25 AOT cache.
# Usage: src/bench/startup.sh [runs]      (after ./mvnw package -DskipTests; needs JAVA_HOME = JDK 25)
# Prints a Markdown table. Uses free ports (HTTP port 0, embedded database on a free port) and stops only
# the processes it started, by PID.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
app="$here/target/quarkus-app"
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
[ -f "$app/quarkus-run.jar" ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Proportional set size (KiB) of a process and all its descendants: the embedded PostgreSQL's postmaster
# and backends share their buffers, which PSS counts once. (pg_ctl daemonises the postmaster, so it is
# not a child of the JVM: its PID comes from postmaster.pid in the data directory.)
tree_pss() {
  local pids; pids=$(ps -eo pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q != root && q in parent && q != 1 && q != 0) q = parent[q];
                              if (q == root) print p } }')
  local total=0 pid kib
  for pid in $pids; do
    kib=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$(( total + ${kib:-0} ))
  done
  echo "$total"
}

# start <datadir> <extra java options...>: prints "ready_ms db_ms jvm_rss_kib postgres_pss_kib"
start() {
  local datadir=$1; shift
  local log="$work/run.log"
  local t0; t0=$(now_ms)
  AUGUR_DATA_DIR="$datadir" QUARKUS_HTTP_PORT=0 AUGUR_LOG_JSON=false \
    "$java" "$@" -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
  local pid=$! port="" ready=""
  while [ -z "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    [ -n "$port" ] || port=$(sed -n 's#.*Listening on: http://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -n 1)
    if [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      ready=$(( $(now_ms) - t0 ))
    else
      sleep 0.01
    fi
  done
  sleep 1
  local jvm_rss; jvm_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  local db_pss; db_pss=$(tree_pss "$(head -n 1 "$datadir/postmaster.pid")")
  local db; db=$(sed -n 's#.*Embedded PostgreSQL started .*(\([0-9]*\) ms).*#\1#p' "$log" | head -n 1)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready ${db:-0} $jvm_rss $db_pss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

report() {
  local label=$1 file=$2
  printf '| %s | %s ms | %s ms | %s MiB | %s MiB | %s |\n' "$label" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" \
    "$(( $(cut -d' ' -f3 "$file" | median | cut -d. -f1) / 1024 ))" \
    "$(( $(cut -d' ' -f4 "$file" | median | cut -d. -f1) / 1024 ))" "$(wc -l <"$file") runs, median"
}

# First start ever: initdb of a new cluster (and unpacking the PostgreSQL binaries if not cached).
start "$work/first" >"$work/first.txt"
# Restarts on an existing cluster, plain JVM.
start "$work/db" >/dev/null
for _ in $(seq "$runs"); do start "$work/db"; done >"$work/plain.txt"
# AOT cache: one training run, then restarts with the cache.
sh "$here/src/main/docker/aot-train.sh" "$app" "$java" >&2
for _ in $(seq "$runs"); do start "$work/db" -XX:AOTCache="$app/app.aot"; done >"$work/aot.txt"

echo "| start | launch to ready | embedded PostgreSQL start | JVM RSS | PostgreSQL PSS (all processes) | |"
echo "|---|---|---|---|---|---|"
report "first start (new cluster, initdb)" "$work/first.txt"
report "plain JVM, existing cluster" "$work/plain.txt"
report "JDK 25 AOT cache, existing cluster" "$work/aot.txt"
