#!/bin/sh
# Delivery benchmarks for docs/performance.md ("Delivery"). Needs a built tree:
#   mvn -B -pl cli -am package -DskipTests && mvn -B -pl core test-compile
# then: scripts/bench-delivery.sh [in-process|memory|process|all]   (default all)
# Prints Markdown table rows. Nothing here is asserted; it measures.
set -eu
cd "$(dirname "$0")/.."
what=${1:-all}
jar=cli/target/docker-build-webhooks.jar
cp="$jar:core/target/test-classes"
runs=${RUNS:-5}
work=$(mktemp -d)
receiver_pid=
cleanup() {
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now_ms() { date +%s%3N; }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_runs LABEL CMD...: runs CMD $runs times, prints "| LABEL | median ms (min–max) |"
time_runs() {
  label=$1; shift
  : > "$work/times"
  i=0
  while [ $i -lt "$runs" ]; do
    t0=$(now_ms); "$@" >/dev/null 2>&1 || true; t1=$(now_ms)
    echo $((t1 - t0)) >> "$work/times"
    i=$((i + 1))
  done
  printf '| %s | median %s ms (min %s, max %s; %s runs) |\n' "$label" "$(median < "$work/times")" \
    "$(sort -n "$work/times" | head -1)" "$(sort -n "$work/times" | tail -1)" "$runs"
}

if [ "$what" = all ] || [ "$what" = in-process ]; then
  echo "### In process"
  java -Xmx512m -cp "$cp" io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryBenchmark 2>/dev/null
fi

if [ "$what" = memory ]; then
  java -Xmx512m -cp "$cp" io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryBenchmark memory 2>/dev/null
fi

if [ "$what" = all ] || [ "$what" = process ]; then
  echo "### Whole process: 50 URLs, each answering after 1 s"
  : > "$work/urls"
  java -cp "$cp" io.jenkins.plugins.dockerbuildwebhooks.testservers.SlowReceiverMain 50 1000 > "$work/urls" &
  receiver_pid=$!
  while [ "$(wc -l < "$work/urls")" -lt 50 ]; do sleep 0.2; done
  java -jar "$jar" payload --image demo/app:1.0 > "$work/payload.json"
  set --
  while read -r u; do set -- "$@" --url "$u"; done < "$work/urls"
  {
    echo 'request = "POST"'
    echo 'header = "Content-Type: application/json"'
    echo "data-binary = \"@$work/payload.json\""
    while read -r u; do printf 'url = "%s"\noutput = "/dev/null"\n' "$u"; done < "$work/urls"
  } > "$work/curl.cfg"
  export XDG_CACHE_HOME="$work/cache"
  scripts/docker-build-webhooks --version >/dev/null  # makes the AppCDS archive (training run)

  time_runs 'JVM start-up only: `java -jar … --version`' java -jar "$jar" --version
  time_runs 'JVM start-up only: `scripts/docker-build-webhooks --version` (C1, SerialGC, AppCDS)' scripts/docker-build-webhooks --version
  time_runs '`java -jar … send` to 50 URLs' java -jar "$jar" send --image demo/app:1.0 "$@"
  time_runs '`java -XX:TieredStopAtLevel=1 -jar … send` to 50 URLs' java -XX:TieredStopAtLevel=1 -jar "$jar" send --image demo/app:1.0 "$@"
  time_runs '`scripts/docker-build-webhooks send` to 50 URLs (C1, SerialGC, AppCDS)' scripts/docker-build-webhooks send --image demo/app:1.0 "$@"
  time_runs '`curl --parallel --parallel-max 50` to the same 50 URLs' curl -s --parallel --parallel-max 50 -K "$work/curl.cfg"
  seq_curl() { while read -r u; do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$work/payload.json" "$u"; done < "$work/urls"; }
  RUNS_SAVE=$runs; runs=1
  time_runs 'sequential `curl` loop over the 50 URLs' seq_curl
  runs=$RUNS_SAVE
fi
