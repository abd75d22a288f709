#!/usr/bin/env bash
# The contract scenario through the Python (-g python) and TypeScript (-g typescript-fetch) clients generated
# from the OpenAPI document that the build wrote (target/openapi/openapi.json), against the packaged app
# (target/quarkus-app) started here on a free port with its embedded database in a temporary directory.
# Run after ./mvnw test (or package), as .ci/run does. A missing toolchain fails the run, loudly.
# The generator comes from Maven Central, TypeScript from the npm registry.
set -uo pipefail
cd "$(dirname "$0")/../../.."

GENERATOR_VERSION=7.25.0
DOC=target/openapi/openapi.json
APP=target/quarkus-app/quarkus-run.jar
OUT=target/clients
if [ ! -f "$DOC" ] || [ ! -f "$APP" ]; then
  echo "client scenarios: $DOC or $APP missing; run ./mvnw test first" >&2
  exit 1
fi
rm -rf "$OUT" && mkdir -p "$OUT"
GENERATOR="$OUT/openapi-generator-cli-$GENERATOR_VERSION.jar"
./mvnw -q -B dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" \
  -DoutputDirectory="$OUT" >"$OUT/generator-download.log" 2>&1 || { cat "$OUT/generator-download.log" >&2; exit 1; }

# Generator messages that are not about the document (each explained there); any other WARN or ERROR line fails
grep -v -e '^#' -e '^[[:space:]]*$' src/test/clients/generator-warnings.allowed >"$OUT/allowed-warnings"
generate() { # generator, output directory, options...
  local g="$1" o="$2"; shift 2
  if ! java -jar "$GENERATOR" generate -i "$DOC" -g "$g" -o "$o" "$@" >"$OUT/generate-$g.log" 2>&1; then
    cat "$OUT/generate-$g.log" >&2; return 1
  fi
  local warnings
  warnings=$(grep -E '^\[[^]]*\] (WARN|ERROR) ' "$OUT/generate-$g.log" \
    | awk '/ ERROR / { print; next } { sub(/^[^-]* - /, ""); print }' | grep -v -x -E -f "$OUT/allowed-warnings")
  if [ -n "$warnings" ]; then
    echo "$g generator: warnings about the document (src/test/clients/generator-warnings.allowed lists the others):" >&2
    echo "$warnings" | sed "s/^/$g generator: /" >&2
    return 1
  fi
  return 0
}

failed=()

# --- the service
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
DATA=$(mktemp -d)
# the first admin key, given instead of generated (KeyBootstrap): the scenarios authenticate with it
KEY="augur_clients_$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
java -Daugur.data-dir="$DATA/postgres" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
  -Daugur.auth.bootstrap-key="$KEY" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dquarkus.http.body.uploads-directory="$DATA/uploads" -jar "$APP" >"$OUT/augur.log" 2>&1 &
PID=$!
stop() {
  kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$DATA"
}
trap stop EXIT
BASE="http://127.0.0.1:$PORT"
ready=false
for _ in $(seq 1 180); do
  # readiness is on the management interface, its own port
  if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; then ready=true; break; fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 1
done
if ! $ready; then
  echo "client scenarios: Augur did not become ready on $BASE; its log:" >&2
  tail -n 50 "$OUT/augur.log" >&2
  exit 1
fi

# --- Python: the generated client needs pydantic 2, urllib3, python-dateutil and typing-extensions
if ! command -v python3 >/dev/null; then
  echo "python client scenario: FAILED: no python3 on this machine" >&2; failed+=(python)
elif ! python3 -c 'import pydantic, urllib3, dateutil, typing_extensions, sys; sys.exit(int(pydantic.VERSION.split(".")[0]) < 2)' 2>/dev/null; then
  echo "python client scenario: FAILED: python3 lacks pydantic 2, urllib3, python-dateutil or typing-extensions" \
    "(Debian's python3-pydantic is version 1, too old for the generated client)" >&2
  failed+=(python)
elif ! generate python "$OUT/python" --package-name augur_client; then
  echo "python client scenario: FAILED: generation" >&2; failed+=(python)
elif ! PYTHONPATH="$OUT/python" python3 src/test/clients/python/scenario.py "$BASE" "$KEY"; then
  failed+=(python)
fi

# --- TypeScript: typescript-fetch client, compiled with tsc (npm registry), run with Node.js
TS="$OUT/typescript"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "typescript client scenario: FAILED: Node.js and npm are needed" >&2; failed+=(typescript)
elif ! node -e 'process.exit(parseInt(process.versions.node) >= 18 ? 0 : 1)'; then
  echo "typescript client scenario: FAILED: Node.js 18 or later is needed (fetch, Blob, FormData), found $(node --version)" >&2
  failed+=(typescript)
elif ! generate typescript-fetch "$TS/client"; then
  echo "typescript client scenario: FAILED: generation" >&2; failed+=(typescript)
else
  cp src/test/clients/typescript/{package.json,package-lock.json,tsconfig.json,scenario.ts} "$TS/"
  if ! (cd "$TS" && npm ci --no-audit --no-fund --loglevel=error >"../npm.log" 2>&1); then
    echo "typescript client scenario: FAILED: npm ci" >&2; cat "$OUT/npm.log" >&2; failed+=(typescript)
  elif ! (cd "$TS" && npx --no-install tsc -p .); then
    echo "typescript client scenario: FAILED: the generated client does not compile" >&2; failed+=(typescript)
  elif ! (cd "$TS" && node dist/scenario.js "$BASE" "$KEY"); then
    failed+=(typescript)
  fi
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "client scenarios failed: ${failed[*]} (service log: $OUT/augur.log)" >&2
  exit 1
fi
echo "client scenarios: python and typescript passed"
