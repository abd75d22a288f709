#!/usr/bin/env bash
# Start-up benchmark: time from launch to the first successful /q/health/ready, the JVM's CPU time
# (user + system, all threads) spent by then, which a loaded machine inflates far less than wall time,
# where the wall time goes (JVM boot,
# class loading and static init, embedded PostgreSQL, runtime init before Flyway, Flyway, the rest of the
# runtime init (Hibernate Reactive, CDI beans, HTTP), started to ready), and resident memory after start.
#
# Usage: src/bench/startup.sh [runs]     (after ./mvnw package -DskipTests; needs JAVA_HOME = JDK 25, python3)
#   APP_DIR=...   the quarkus-app directory to measure (default target/quarkus-app), e.g. an older build
#   AOT=1         also train and measure the JDK 25 AOT cache
# Rows: the first start ever (initdb), the embedded-database default (migrated at start), and serve-only
# (AUGUR_DATABASE_MIGRATE_AT_START=false on the migrated cluster: no Flyway, no JDBC pool, as in
# Kubernetes after the migration Job). Prints a Markdown table of medians and the load average.
# Uses free ports (HTTP port 0, embedded database on a free port) and stops only the processes it
# started, by PID.
set -euo pipefail
runs=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
app=${APP_DIR:-"$here/target/quarkus-app"}
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

# Phases from the log's timestamps (ms): prints
# "jvm_boot static_init embedded_pg before_flyway flyway rest_to_started started_to_ready"
phases() { # <log> <startuptime log> <launch epoch ms> <ready epoch ms>
  python3 - "$@" <<'PY'
import re, sys, datetime
log, st, launch, ready = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def ms(line):
    m = re.match(r'(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})', line)
    if not m: return None
    t = datetime.datetime.strptime(m.group(1), '%Y-%m-%d %H:%M:%S,%f').replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp() * 1000)
lines = [(ms(l), l) for l in open(log, errors='replace')]
lines = [(t, l) for t, l in lines if t is not None]
jvm = 0
for l in open(st, errors='replace'):
    m = re.search(r'Create VM, ([0-9.]+) secs', l)
    if m: jvm = int(float(m.group(1)) * 1000)
first = lines[0][0]
pg = next((t for t, l in lines if 'Embedded PostgreSQL started' in l), first)
pg_own = next((int(m.group(1)) for t, l in lines for m in [re.search(r'Embedded PostgreSQL started .*\((\d+) ms\)', l)] if m), 0)
fly = [t for t, l in lines if '[org.flywaydb' in l]
started = next(t for t, l in lines if ' started in ' in l)
static_init = first - launch - jvm
pg_phase = pg_own if pg_own else 0
before_flyway = (fly[0] - pg) if fly else 0
flyway = (fly[-1] - fly[0]) if fly else 0
rest = started - (fly[-1] if fly else pg)
print(jvm, static_init, pg_phase, before_flyway, flyway, rest, ready - started)
PY
}

# start <datadir> <env...> -- <extra java options...>: prints
# "ready_ms jvm_boot static_init embedded_pg before_flyway flyway rest started_to_ready jvm_rss_kib postgres_pss_kib cpu_ms"
start() {
  local datadir=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  local log="$work/run.log" st="$work/startuptime.log"
  rm -f "$st"; : >"$log"   # emptied here: the launch below empties it asynchronously, too late for the port
  local t0; t0=$(now_ms)
  env AUGUR_DATA_DIR="$datadir" QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_PORT=0 AUGUR_LOG_JSON=false "${envs[@]}" \
    "$java" -Xlog:startuptime:file="$st" "$@" -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
  local pid=$! port="" ready="" t_ready="" cpu=""
  while [ -z "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    # readiness is on the management interface: its port from the start-up line
    [ -n "$port" ] || port=$(sed -n 's#.*Management interface listening on http://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -n 1)
    if [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      t_ready=$(now_ms); ready=$(( t_ready - t0 ))
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
    else
      sleep 0.01
    fi
  done
  sleep 1
  local jvm_rss; jvm_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  local db_pss; db_pss=$(tree_pss "$(head -n 1 "$datadir/postmaster.pid")")
  local split; split=$(phases "$log" "$st" "$t0" "$t_ready")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $split $jvm_rss $db_pss $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { cut -d' ' -f"$1" "$2" | median; }

report() {
  local label=$1 file=$2
  printf '| %s | **%s** | %s | %s | %s | %s | %s | %s | %s | %s | %s MiB | %s MiB | %s |\n' "$label" \
    "$(col 1 "$file")" "$(col 11 "$file")" "$(col 2 "$file")" "$(col 3 "$file")" "$(col 4 "$file")" "$(col 5 "$file")" \
    "$(col 6 "$file")" "$(col 7 "$file")" "$(col 8 "$file")" \
    "$(( $(col 9 "$file" | cut -d. -f1) / 1024 ))" "$(( $(col 10 "$file" | cut -d. -f1) / 1024 ))" \
    "$(wc -l <"$file")"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# First start ever: initdb of a new cluster (and unpacking the PostgreSQL binaries if not cached).
start "$work/first" -- >"$work/first.txt"
# Restarts on an existing cluster, alternating the embedded default (migrated at start) and serve-only
# so that both see the same background load. (SERVE_ONLY=0 skips serve-only, for builds without it.)
start "$work/db" -- >/dev/null
: >"$work/default.txt"; : >"$work/serve.txt"
for _ in $(seq "$runs"); do
  start "$work/db" -- >>"$work/default.txt"
  [ "${SERVE_ONLY:-1}" = 0 ] || start "$work/db" AUGUR_DATABASE_MIGRATE_AT_START=false -- >>"$work/serve.txt"
done
if [ "${AOT:-0}" = 1 ]; then
  sh "$here/src/main/docker/aot-train.sh" "$app" "$java" >&2
  for _ in $(seq "$runs"); do start "$work/db" AUGUR_DATABASE_MIGRATE_AT_START=false -- -XX:AOTCache="$app/app.aot"; done >"$work/aot.txt"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "app: $app; load average before: $load_before, after: $load_after; medians of $runs starts (first start: 1), ms"
echo
echo "| start | launch to ready | JVM CPU time to ready | JVM boot | class loading, static init | embedded PostgreSQL | runtime init before Flyway | Flyway | rest of runtime init (Hibernate Reactive, HTTP) | started to ready | JVM RSS | PostgreSQL PSS | runs |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
report "first start (new cluster, initdb)" "$work/first.txt"
report "embedded default (migrated at start), existing cluster" "$work/default.txt"
[ -s "$work/serve.txt" ] && report "serve-only (AUGUR_DATABASE_MIGRATE_AT_START=false), migrated cluster" "$work/serve.txt"
[ -f "$work/aot.txt" ] && report "serve-only + JDK 25 AOT cache" "$work/aot.txt"
exit 0
