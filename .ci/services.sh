# Services for the test run, sourced by .ci/run. Every service is started by hand (no systemd on
# these machines) and stopped by the PID this script recorded, so nothing outlives the run.
CI_WORK=${CI_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/dbw-ci.XXXXXX")}
export CI_WORK

install_packages() {
  log "installing packages"
  export DEBIAN_FRONTEND=noninteractive
  if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends maven openjdk-17-jdk-headless >/dev/null
  fi
}

start_services() {
  :
}

stop_services() {
  local pidfile
  for pidfile in "$CI_WORK"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}
