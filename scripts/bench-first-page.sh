#!/usr/bin/env bash
# One run of "receive: start until its page has been served once": starts `receive` on a free
# port, fetches its page, stops it. Time it from outside, e.g.
#   farm-bench -n 15 -- scripts/bench-first-page.sh cli/target/docker-build-webhooks.jar
# Usage: scripts/bench-first-page.sh [JAR]
set -euo pipefail
jar=${1:-"$(dirname "$0")/../cli/target/docker-build-webhooks.jar"}
log=$(mktemp)
java -jar "$jar" receive --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
until url=$(grep -o 'http://[^ ]*' "$log"); do sleep 0.005; done
curl -sf -o /dev/null "$url"
