#!/usr/bin/env bash
# Whole-process comparison for docs/performance.md, "Image extraction":
#   java -jar docker-build-webhooks.jar images --log BIG.log
# against
#   grep -c -E 'sha256:[0-9a-f]{64}' BIG.log
# on a synthetic log (default 1 GiB) made of the real BuildKit, classic builder and push outputs in
# the fixtures. Both run side by side, alternately, RUNS times; wall time and peak RSS come from
# GNU time (/usr/bin/time -v). The log lives in a temporary folder that is removed at the end.
#
# Usage: scripts/bench-images.sh            (build the jar first: mvn -B -pl cli -am package -DskipTests)
# Environment: SIZE_MIB (1024), RUNS (3), JAVA (java), JAR (cli/target/docker-build-webhooks.jar),
#   JVM_SETS: JVM option sets to compare, separated by '|'; an empty set is plain `java -jar`
#   (default "|-XX:+UseSerialGC|-Xmx64m").
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$repo/core/src/test/resources/fixtures/docker"
jar=${JAR:-$repo/cli/target/docker-build-webhooks.jar}
size_mib=${SIZE_MIB:-1024}
runs=${RUNS:-3}
java=${JAVA:-java}
IFS='|' read -r -a jvm_sets <<< "${JVM_SETS-|-XX:+UseSerialGC|-Xmx64m}"
[ ${#jvm_sets[@]} -gt 0 ] || jvm_sets=("")

[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$jar" ] || { echo "no $jar: run mvn -B -pl cli -am package -DskipTests" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same mix as benchmarks/.../LogScanBenchmark.java.
mix=(buildkit-plain-run-steps.txt docker-classic-build.txt docker-push.txt buildkit-plain.txt
     docker-push-all-tags.txt buildx-remote-build-push.txt docker-classic-build-run-steps.txt
     docker-push-multistage-runsteps-all-tags.txt buildkit-tty-ansi-wide.txt)
for f in "${mix[@]}"; do cat "$fixtures/$f"; done > "$tmp/unit.log"
# 1 MiB of whole units, then the requested number of MiB
: > "$tmp/mib.log"
while [ "$(stat -c %s "$tmp/mib.log")" -lt 1048576 ]; do cat "$tmp/unit.log" >> "$tmp/mib.log"; done
log="$tmp/big.log"
: > "$log"
chunk="$tmp/chunk.log"; : > "$chunk"
for _ in $(seq 64); do cat "$tmp/mib.log" >> "$chunk"; done
for _ in $(seq $(( size_mib / 64 ))); do cat "$chunk" >> "$log"; done
for _ in $(seq $(( size_mib % 64 ))); do cat "$tmp/mib.log" >> "$log"; done
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null   # both tools read from the page cache

measure() { # name, command...: prints "name wall_seconds max_rss_kib"
    local name=$1; shift
    /usr/bin/time -v "$@" > "$tmp/out" 2> "$tmp/time" || { cat "$tmp/time" >&2; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tmp/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
    echo "$name $wall $rss"
}

echo "log: $bytes bytes ($(( bytes / 1048576 )) MiB), $(wc -l < "$log") lines; $(nproc) CPUs; $("$java" -version 2>&1 | head -1)"
measure grep grep -c -E 'sha256:[0-9a-f]{64}' "$log" > /dev/null
echo "grep matches: $(cat "$tmp/out")"
"$java" -jar "$jar" images --log "$log" > "$tmp/images.json" 2> "$tmp/images.err"
echo "images: $(cat "$tmp/images.json")"
printf '%-4s %-20s %8s %9s %8s %11s %7s\n' run jvm_options grep_s images_s grep_MB images_MB ratio
for run in $(seq "$runs"); do
    for set in "${jvm_sets[@]}"; do
        read -r -a opts <<< "$set"
        read -r _ gw gr < <(measure grep grep -c -E 'sha256:[0-9a-f]{64}' "$log")
        read -r _ iw ir < <(measure images "$java" "${opts[@]}" -jar "$jar" images --log "$log")
        awk -v r="$run" -v o="${set:-(none)}" -v gw="$gw" -v iw="$iw" -v gr="$gr" -v ir="$ir" \
            'BEGIN { printf "%-4s %-20s %8.2f %9.2f %8.1f %11.1f %7.2f\n", r, o, gw, iw, gr/1024, ir/1024, iw/gw }'
    done
done
