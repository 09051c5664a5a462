#!/usr/bin/env bash
# Memory of `receive` under load: ROUNDS × 5000 POSTs of a 64 KiB JSON body (ab, 8 concurrent),
# live heap after a full GC and RSS after each round. Needs ab (Debian apache2-utils) and jcmd.
# Run after `mvn -B -pl cli -am package -DskipTests`. Usage: scripts/bench-receive.sh [JVM options]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=cli/target/docker-build-webhooks.jar
ROUNDS=${ROUNDS:-4}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pad=$(head -c 49152 /dev/urandom | base64 -w0)
printf '{"push_data":{"tag":"1.0"},"repository":{"repo_name":"bench/app"},"pad":"%s"}' "$pad" >"$work/body.json"
port=$(( 20000 + RANDOM % 20000 ))
java "$@" -jar "$JAR" receive --port "$port" >"$work/receive.log" 2>&1 &
pid=$!
until grep -q "listening on" "$work/receive.log"; do sleep 0.1; done
echo "body $(stat -c %s "$work/body.json") bytes; JVM options: ${*:-none}"
for round in $(seq 1 "$ROUNDS"); do
  rps=$(ab -q -n 5000 -c 8 -p "$work/body.json" -T application/json "http://127.0.0.1:$port/hook" \
    | awk '/Requests per second/ {print $4}')
  jcmd "$pid" GC.run >/dev/null
  live=$(jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1)
  echo "round $round: $((round * 5000)) requests, $rps req/s, live heap $live after full GC, RSS $(ps -o rss= -p "$pid" | tr -d ' ') KiB"
done
