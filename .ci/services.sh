# Services for the test run, sourced by .ci/run. Every service is started by hand (no systemd on
# these machines) and stopped by the PID this script recorded, so nothing outlives the run.
CI_WORK=${CI_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/dbw-ci.XXXXXX")}
export CI_WORK

# Debian packages the end-to-end tests drive (see docs/testing.md): a Docker engine and registry,
# podman, buildah and skopeo, two webhook receivers nobody here wrote, and a headless browser for
# the receive page, python3 for the signature snippet of docs/delivery.md. Node.js (for the CloudEvents SDK receiver) comes with the machine; Debian's is
# the fallback.
E2E_PACKAGES="docker.io docker-registry podman buildah skopeo webhook json2file-go chromium chromium-driver curl python3"

install_packages() {
  log "installing packages"
  export DEBIAN_FRONTEND=noninteractive
  local wanted="" pkg
  command -v mvn >/dev/null 2>&1 || wanted="$wanted maven"
  command -v javac >/dev/null 2>&1 || wanted="$wanted openjdk-17-jdk-headless"
  for pkg in $E2E_PACKAGES; do
    dpkg -s "$pkg" >/dev/null 2>&1 || wanted="$wanted $pkg"
  done
  command -v node >/dev/null 2>&1 || wanted="$wanted nodejs"
  command -v npm >/dev/null 2>&1 || wanted="$wanted npm"
  if [ -n "$wanted" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $wanted >/dev/null
  fi
  log "installing the npm modules of the test receivers (cli/src/test/node)"
  # exactly what package-lock.json pins: the CloudEvents SDK for JavaScript that CloudEventsSdkIT reads deliveries with
  npm ci --prefix "$ROOT/cli/src/test/node" --no-audit --no-fund --loglevel=error >/dev/null
}

# A loopback port nobody listens on, starting at $1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Waits up to 30 s for a command to succeed; says which service failed otherwise.
wait_for() {
  local what=$1 i
  shift
  for i in $(seq 1 120); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo ".ci/services.sh: $what did not come up; its log:" >&2
  tail -n 30 "$CI_WORK/$what.log" >&2 || true
  return 1
}

start_services() {
  log "starting dockerd and a registry on loopback"
  # dockerd with its own socket and directories, so it cannot touch another engine on the machine;
  # no iptables and no bridge: builds and pushes stay on loopback.
  mkdir -p "$CI_WORK/docker-data" "$CI_WORK/docker-exec"
  setsid /usr/sbin/dockerd --host "unix://$CI_WORK/docker.sock" \
    --data-root "$CI_WORK/docker-data" --exec-root "$CI_WORK/docker-exec" --pidfile "$CI_WORK/dockerd.pidfile" \
    --iptables=false --bridge=none --storage-driver overlay2 \
    >"$CI_WORK/dockerd.log" 2>&1 </dev/null &
  echo $! >"$CI_WORK/dockerd.pid"
  export DOCKER_HOST="unix://$CI_WORK/docker.sock"
  # Debian's client: a newer one elsewhere on PATH may lack buildx and refuse BuildKit
  export DBW_DOCKER=/usr/bin/docker
  wait_for dockerd "$DBW_DOCKER" version

  # the registry with a config of our own: the package's listens on every interface and wants passwords
  local port
  port=$(free_port 5000)
  cat >"$CI_WORK/registry.yml" <<YML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $CI_WORK/registry-data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$port}
YML
  setsid /usr/bin/docker-registry serve "$CI_WORK/registry.yml" >"$CI_WORK/registry.log" 2>&1 </dev/null &
  echo $! >"$CI_WORK/registry.pid"
  export DBW_REGISTRY="127.0.0.1:$port"
  wait_for registry curl -sf "http://$DBW_REGISTRY/v2/"
  log "dockerd at $DOCKER_HOST, registry at $DBW_REGISTRY"
}

stop_services() {
  local pidfile pid i
  for pidfile in "$CI_WORK"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || continue
    # dockerd stops its containerd on the way out; give it the time to do so
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
  done
}
