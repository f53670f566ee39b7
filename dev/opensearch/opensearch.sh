#!/usr/bin/env bash
# Local single-node OpenSearch for development and CI (embedded Node launcher, see README.md).
#
#   dev/opensearch/opensearch.sh start [--fresh] [--secure]   build if needed, start, wait for ready; prints the URL
#                                                  on stdout (--secure: OpenSearch 2.19 with the security plugin)
#   dev/opensearch/opensearch.sh stop              SIGTERM (SIGKILL after 30 s); fine if not running
#   dev/opensearch/opensearch.sh status            "running ..." (exit 0) or "not running" (exit 3)
#   dev/opensearch/opensearch.sh build [--secure]  only the Maven build (pre-fetches the artifacts)
#   dev/opensearch/opensearch.sh start --cluster N [--fresh]   N nodes (2-9) of one cluster on loopback:
#                          HTTP ports OPENSEARCH_PORT..+N-1, transport ports OPENSEARCH_TRANSPORT_PORT..+N-1
#                          (default OPENSEARCH_PORT+100), discovery among them; prints the first node's URL.
#                          `stop` and `status` on OPENSEARCH_PORT act on every node of that cluster.
#
# Environment (all optional):
#   OPENSEARCH_PORT        HTTP port on 127.0.0.1 (default 9200)
#   OPENSEARCH_HOME        node home, data lives in it (default <repo>/.opensearch/home-<port>)
#   OPENSEARCH_FRESH=1     wipe the home before starting (same as --fresh)
#   OPENSEARCH_LOG         log file (default <repo>/.opensearch/opensearch-<port>.log)
#   OPENSEARCH_PID_FILE    pid file (default <repo>/.opensearch/opensearch-<port>.pid)
#   OPENSEARCH_HEAP        max heap, e.g. 1g, 768m (default 1g; -Xms is 512m, or the heap if smaller)
#   OPENSEARCH_JAVA_HOME   JDK 21+ used for build and run (default Temurin 25, else JAVA_HOME if 21+)
#   OPENSEARCH_JAVA_OPTS   extra JVM options appended to the java command line
#   OPENSEARCH_START_TIMEOUT / OPENSEARCH_STOP_TIMEOUT   seconds (default 180 / 30)
#   OPENSEARCH_MVN_ARGS    extra Maven arguments, e.g. -o for an offline build
#   OPENSEARCH_SECURE=1    the secured node (same as start --secure; build/stop/status act on it too):
#                          OpenSearch 2.19 + the security plugin on Java 17 (module secure/, see README.md);
#                          home default <repo>/.opensearch/home-secure-<port>; certificates made at first
#                          start in <repo>/.opensearch/secure-certs; the security config is secure/config/.
#   OPENSEARCH_SECURE_JAVA_HOME   JDK 17+ for the secured node (default /usr/lib/jvm/java-17-openjdk-amd64)
#   OPENSEARCH_TRANSPORT_PORT     transport port (default: the first free of 9300-9399; with --cluster, the
#                          first node's, default OPENSEARCH_PORT+100). Set it for a node another cluster
#                          reaches by cross-cluster search (its seed).
#   OPENSEARCH_CLUSTER_NAME       cluster name (default dev-opensearch; with --cluster, dev-cluster-<port>)
#
# Human-readable messages go to stderr; `start` prints only the URL on stdout.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
STATE_DIR="$REPO_ROOT/.opensearch"

SECURE="${OPENSEARCH_SECURE:-0}"
CLUSTER_SIZE=0
if [[ "${1:-}" == start || "${1:-}" == build ]]; then
  prev=""
  for arg in "${@:2}"; do
    [[ "$arg" == --secure ]] && SECURE=1
    [[ "$prev" == --cluster ]] && CLUSTER_SIZE="$arg"
    prev="$arg"
  done
fi
[[ "$SECURE" == 0 || "$SECURE" == 1 ]] || { echo "opensearch.sh: ERROR: OPENSEARCH_SECURE must be 0 or 1" >&2; exit 1; }

PORT="${OPENSEARCH_PORT:-9200}"
if [[ "$SECURE" == 1 ]]; then
  MODULE_DIR="$SCRIPT_DIR/secure"
  MAIN_CLASS="devsupport.SecureOpenSearch"
  HOME_DIR="${OPENSEARCH_HOME:-$STATE_DIR/home-secure-$PORT}"
  CERT_DIR="$STATE_DIR/secure-certs"
  # The all-access user the launcher waits with until the security index is initialised (internal_users.yml).
  ADMIN_CREDENTIALS="admin:admin-dev-pw"
else
  MODULE_DIR="$SCRIPT_DIR"
  MAIN_CLASS="devsupport.EmbeddedOpenSearch"
  HOME_DIR="${OPENSEARCH_HOME:-$STATE_DIR/home-$PORT}"
fi
LOG_FILE="${OPENSEARCH_LOG:-$STATE_DIR/opensearch-$PORT.log}"
PID_FILE="${OPENSEARCH_PID_FILE:-$STATE_DIR/opensearch-$PORT.pid}"
LOCK_FILE="$STATE_DIR/opensearch-$PORT.lock"
HEAP="${OPENSEARCH_HEAP:-1g}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
STOP_TIMEOUT="${OPENSEARCH_STOP_TIMEOUT:-30}"
URL="http://127.0.0.1:$PORT"

log() { echo "opensearch.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || die "OPENSEARCH_PORT must be a port number, got '$PORT'"
[[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || die "OPENSEARCH_START_TIMEOUT must be a number of seconds"
[[ "$STOP_TIMEOUT" =~ ^[0-9]+$ ]] || die "OPENSEARCH_STOP_TIMEOUT must be a number of seconds"

# Make relative overrides absolute (relative to the caller's directory).
abspath() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
HOME_DIR="$(abspath "$HOME_DIR")"
LOG_FILE="$(abspath "$LOG_FILE")"
PID_FILE="$(abspath "$PID_FILE")"

# ---------------------------------------------------------------------------------------------
# Java / Maven

java_major() { # $1 = JDK home; prints the feature version, e.g. 25
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

select_jdk() { # sets JDK to a JDK 21+ home (secured node: a JDK 17+ home)
  local cand major
  if [[ "$SECURE" == 1 ]]; then
    # OpenSearch 2.19 runs on Java 11+; the distribution bundles 21, the machine has 17.
    for cand in "${OPENSEARCH_SECURE_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 "${JAVA_HOME:-}"; do
      [[ -n "$cand" && -x "$cand/bin/java" ]] || continue
      major="$(java_major "$cand")"
      if [[ -n "$major" ]] && (( major >= 17 )); then JDK="$cand"; return 0; fi
    done
    die "no JDK 17+ found for the secured node; set OPENSEARCH_SECURE_JAVA_HOME"
  fi
  for cand in "${OPENSEARCH_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}"; do
    [[ -n "$cand" && -x "$cand/bin/java" ]] || continue
    major="$(java_major "$cand")"
    if [[ -n "$major" ]] && (( major >= 21 )); then JDK="$cand"; return 0; fi
    [[ "$cand" == "${OPENSEARCH_JAVA_HOME:-}" ]] && die "OPENSEARCH_JAVA_HOME=$cand is Java $major; OpenSearch 3.x needs Java 21+"
  done
  die "no JDK 21+ found; set OPENSEARCH_JAVA_HOME (OpenSearch 3.x needs Java 21+)"
}

run_build() {
  command -v mvn >/dev/null || die "mvn not found on PATH"
  local mopts="${MAVEN_OPTS:-}"
  # Silence the JDK 24+ sun.misc.Unsafe warnings that Maven 3.8's own Guava prints.
  if (( $(java_major "$JDK") >= 24 )); then mopts="$mopts --sun-misc-unsafe-memory-access=allow"; fi
  log "building the launcher (mvn package in $MODULE_DIR, JAVA_HOME=$JDK)"
  # (Debian's Maven 3.8 prints bare ESC[0m resets even with -B; strip them.)
  # shellcheck disable=SC2086
  if ! JAVA_HOME="$JDK" MAVEN_OPTS="$mopts" mvn -q -B -DskipTests ${OPENSEARCH_MVN_ARGS:-} \
      -f "$MODULE_DIR/pom.xml" package 2>&1 | sed $'s/\e\\[0m//g' >&2; then
    die "Maven build failed"
  fi
  [[ -s "$MODULE_DIR/target/classpath.txt" ]] || die "Maven build did not write target/classpath.txt"
  # Maven leaves an unchanged classpath.txt alone: mark it as of this build, or build_is_fresh
  # would see sources newer than it and rebuild at every start.
  touch "$MODULE_DIR/target/classpath.txt"
  if [[ "$SECURE" == 1 ]]; then
    compgen -G "$MODULE_DIR/target/security-plugin/opensearch-security-*.jar" >/dev/null \
      || die "Maven build did not unpack the security plugin into $MODULE_DIR/target/security-plugin"
  fi
}

build_is_fresh() {
  local cp="$MODULE_DIR/target/classpath.txt"
  local cls="$MODULE_DIR/target/classes/${MAIN_CLASS//.//}.class"
  [[ -s "$cp" && -f "$cls" ]] || return 1
  if [[ "$SECURE" == 1 ]]; then
    compgen -G "$MODULE_DIR/target/security-plugin/opensearch-security-*.jar" >/dev/null || return 1
  fi
  # Anything in pom.xml or src/ newer than either output -> rebuild.
  [[ -z "$(find "$MODULE_DIR/pom.xml" "$MODULE_DIR/src" -newer "$cp" -print -quit)" ]] || return 1
  [[ -z "$(find "$MODULE_DIR/pom.xml" "$MODULE_DIR/src" -newer "$cls" -print -quit)" ]] || return 1
  # Every jar must still be there (e.g. ~/.m2 wiped since the last build).
  local jar
  while IFS= read -r -d ':' jar || [[ -n "$jar" ]]; do
    [[ -z "$jar" || -f "$jar" ]] || return 1
  done < "$cp"
  return 0
}

heap_mib() { # "1g" -> 1024, "768m" -> 768
  local v="${1,,}"
  case "$v" in
    *g) echo $(( ${v%g} * 1024 )) ;;
    *m) echo $(( ${v%m} )) ;;
    *k) echo $(( ${v%k} / 1024 )) ;;
    *) die "OPENSEARCH_HEAP must look like 1g or 768m, got '$1'" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Process / port probes

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' < "$PID_FILE" || true; }

is_our_process() { # $1 = pid: alive and running our launcher
  local pid="$1"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  # Either launcher: `stop` without --secure must still stop a secured node on that port.
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE -- 'devsupport\.(EmbeddedOpenSearch|SecureOpenSearch)'
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; }

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$URL/" 2>/dev/null || true; }

answers_http() { local c; c="$(http_code)"; [[ -n "$c" && "$c" != "000" ]]; }

print_log_tail() {
  if [[ -f "$LOG_FILE" ]]; then
    echo "----- last 80 lines of $LOG_FILE -----" >&2
    tail -n 80 "$LOG_FILE" >&2
    echo "----- end of log -----" >&2
  else
    log "no log file at $LOG_FILE"
  fi
}

# Wait for the ready line of process $1; 0 = ready, 1 = exited, 2 = timeout.
wait_ready() {
  local pid="$1" deadline=$(( SECONDS + START_TIMEOUT ))
  while (( SECONDS < deadline )); do
    if grep -q '^OPENSEARCH_READY ' "$LOG_FILE" 2>/dev/null; then return 0; fi
    alive "$pid" || { grep -q '^OPENSEARCH_READY ' "$LOG_FILE" 2>/dev/null && return 0; return 1; }
    sleep 0.5
  done
  return 2
}

alive() { # $1 = pid: exists and is not a zombie
  kill -0 "$1" 2>/dev/null || return 1
  [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != "Z" ]]
}

kill_and_wait() { # $1 = pid; SIGTERM, then SIGKILL after STOP_TIMEOUT
  local pid="$1" deadline=$(( SECONDS + STOP_TIMEOUT )) i
  kill -TERM "$pid" 2>/dev/null || return 0
  while alive "$pid"; do
    if (( SECONDS >= deadline )); then
      log "pid $pid did not exit within ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for i in $(seq 1 20); do alive "$pid" || break; sleep 0.25; done
      break
    fi
    sleep 0.2
  done
  # Reap it if it is our child (start's failure path); ignore otherwise.
  wait "$pid" 2>/dev/null || true
}

take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$LOCK_FILE"
  flock -w $(( START_TIMEOUT + STOP_TIMEOUT + 30 )) 9 || die "could not lock $LOCK_FILE (another start/stop on port $PORT?)"
}

# ---------------------------------------------------------------------------------------------
# Secured node: certificates and configuration

# Root CA, node and admin certificates (PEM, PKCS#8 keys), made once with the machine's openssl.
make_certs() {
  [[ -s "$CERT_DIR/root-ca.pem" && -s "$CERT_DIR/node.pem" && -s "$CERT_DIR/node-key.pem" && -s "$CERT_DIR/admin.pem" ]] && return 0
  command -v openssl >/dev/null || die "openssl not found on PATH (needed to make the secured node's certificates)"
  log "making TLS certificates in $CERT_DIR (root CA, node, admin)"
  rm -rf "$CERT_DIR.tmp" && mkdir -p "$CERT_DIR.tmp"
  (
    cd "$CERT_DIR.tmp"
    local subj="/O=siem-investigations/OU=dev"
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root-ca-key.pem
    openssl req -new -x509 -sha256 -days 3650 -key root-ca-key.pem -subj "$subj/CN=dev-root-ca" -out root-ca.pem
    local name ext
    for name in node admin; do
      openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name-key.pem"
      if [[ "$name" == node ]]; then
        openssl req -new -key node-key.pem -subj "$subj/CN=node-1" -out node.csr
        ext="subjectAltName=DNS:localhost,IP:127.0.0.1"
      else
        openssl req -new -key admin-key.pem -subj "$subj/CN=admin" -out admin.csr
        ext="keyUsage=digitalSignature,keyEncipherment"
      fi
      printf '%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$ext" > "$name.ext"
      openssl x509 -req -sha256 -days 3650 -in "$name.csr" -CA root-ca.pem -CAkey root-ca-key.pem \
        -set_serial "0x$(openssl rand -hex 16)" -extfile "$name.ext" -out "$name.pem" 2>/dev/null
      rm -f "$name.csr" "$name.ext"
    done
    chmod 600 ./*-key.pem
  ) || die "making certificates failed"
  rm -rf "$CERT_DIR" && mv "$CERT_DIR.tmp" "$CERT_DIR"
}

# <home>/config: opensearch.yml, the certificates and the security configuration, from the repo.
# The security index is made from config/opensearch-security/ on the first start of a home only
# (allow_default_init_securityindex); after editing those files, start with --fresh.
prepare_secure_home() {
  make_certs
  local conf="$HOME_DIR/config"
  mkdir -p "$conf/certs" "$conf/opensearch-security"
  cp "$MODULE_DIR/config/opensearch.yml" "$conf/opensearch.yml"
  cp "$CERT_DIR/root-ca.pem" "$CERT_DIR/node.pem" "$CERT_DIR/node-key.pem" "$CERT_DIR/admin.pem" "$CERT_DIR/admin-key.pem" "$conf/certs/"
  cp "$MODULE_DIR"/config/opensearch-security/*.yml "$conf/opensearch-security/"
  chmod 600 "$conf"/certs/*-key.pem
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_build() {
  select_jdk
  run_build
  log "build OK ($MODULE_DIR/target/classpath.txt)"
}

# Nodes of a cluster started by `start --cluster N` on $PORT: their HTTP ports, one per line.
CLUSTER_FILE="$STATE_DIR/cluster-$PORT.ports"

cmd_start_cluster() { # $1 = fresh (0/1)
  local fresh="$1" n="$CLUSTER_SIZE" i
  [[ "$n" =~ ^[2-9]$ ]] || die "--cluster needs a node count from 2 to 9, got '$n'"
  [[ "$SECURE" == 0 ]] || die "--cluster and --secure cannot be combined"
  local tport="${OPENSEARCH_TRANSPORT_PORT:-$(( PORT + 100 ))}"
  [[ "$tport" =~ ^[0-9]+$ ]] || die "OPENSEARCH_TRANSPORT_PORT must be a port number"
  local name="${OPENSEARCH_CLUSTER_NAME:-dev-cluster-$PORT}" seeds="" managers="" ports=()
  for (( i = 0; i < n; i++ )); do
    ports+=($(( PORT + i )))
    seeds+="${seeds:+,}127.0.0.1:$(( tport + i ))"
    managers+="${managers:+,}node-$(( PORT + i ))"
  done
  mkdir -p "$STATE_DIR"
  printf '%s\n' "${ports[@]}" > "$CLUSTER_FILE"
  log "starting a $n-node cluster '$name': HTTP ${ports[0]}-${ports[-1]}, transport $tport-$(( tport + n - 1 ))"
  # Build once, before the nodes start (in parallel they would each run Maven on one target/).
  select_jdk
  build_is_fresh || run_build
  local pids=() rc=0
  for (( i = 0; i < n; i++ )); do
    OPENSEARCH_PORT="${ports[$i]}" OPENSEARCH_TRANSPORT_PORT=$(( tport + i )) OPENSEARCH_CLUSTER_NAME="$name" \
      OPENSEARCH_NODE_NAME="node-${ports[$i]}" OPENSEARCH_SEED_HOSTS="$seeds" OPENSEARCH_INITIAL_MANAGERS="$managers" \
      OPENSEARCH_CLUSTER_NODES="$n" OPENSEARCH_FRESH="$fresh" CLUSTER_CHILD=1 OPENSEARCH_HOME="" OPENSEARCH_LOG="" OPENSEARCH_PID_FILE="" \
      bash "$0" start >/dev/null &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || rc=1; done
  if (( rc != 0 )); then
    log "a node failed to start; stopping the cluster"
    cmd_stop
    die "the $n-node cluster failed to start"
  fi
  local health
  health="$(curl -s --max-time 130 "$URL/_cluster/health?wait_for_nodes=$n&wait_for_status=green&timeout=120s")" || true
  [[ "$health" == *"\"number_of_nodes\":$n"* ]] || { log "cluster health: $health"; cmd_stop; die "the cluster did not form ($n nodes)"; }
  log "cluster '$name' ready: ${ports[*]/#/http://127.0.0.1:}"
  echo "$URL"
}

cmd_start() {
  local fresh="${OPENSEARCH_FRESH:-0}" arg prev=""
  for arg in "$@"; do
    case "$arg" in
      --fresh) fresh=1 ;;
      --secure) ;; # read at the top
      --cluster) ;;
      *) [[ "$prev" == --cluster ]] || die "unknown option for start: $arg" ;;
    esac
    prev="$arg"
  done
  if [[ "$CLUSTER_SIZE" != 0 ]]; then cmd_start_cluster "$fresh"; return; fi

  take_lock

  # Reuse our own node if it is alive.
  local pid
  pid="$(read_pid)"
  if is_our_process "$pid"; then
    if answers_http; then
      [[ "$fresh" == 1 ]] && log "note: --fresh ignored, the node is already running (stop it first)"
      log "already running (pid $pid) at $URL"
      echo "$URL"
      return 0
    fi
    log "pid $pid is starting but not answering yet; waiting for it"
    if wait_ready "$pid" && answers_http; then
      log "already running (pid $pid) at $URL"
      echo "$URL"
      return 0
    fi
    print_log_tail
    die "existing node (pid $pid from $PID_FILE) is not answering on $URL; run '$0 stop' and retry"
  fi
  if [[ -n "$pid" ]]; then
    log "removing stale pid file $PID_FILE (pid $pid is not running)"
    rm -f "$PID_FILE"
  fi

  # Refuse if anything else holds the port.
  if port_open || answers_http; then
    local code
    code="$(http_code)"
    log "port $PORT on 127.0.0.1 is already in use by a process not started from $PID_FILE (HTTP status: ${code:-none})"
    if command -v ss >/dev/null; then ss -ltnpH "sport = :$PORT" 2>/dev/null | sed 's/^/  /' >&2 || true; fi
    die "refusing to start OpenSearch on port $PORT; stop that process or set OPENSEARCH_PORT"
  fi

  select_jdk
  if build_is_fresh; then :; else run_build; fi

  if [[ "$fresh" == 1 && -e "$HOME_DIR" ]]; then
    case "$HOME_DIR" in
      /|"$REPO_ROOT"|"$REPO_ROOT/"|"${HOME:-/}"|"$SCRIPT_DIR") die "refusing to wipe OPENSEARCH_HOME=$HOME_DIR" ;;
    esac
    log "wiping $HOME_DIR (--fresh)"
    rm -rf -- "$HOME_DIR"
  fi
  mkdir -p "$HOME_DIR" "$(dirname "$LOG_FILE")" "$(dirname "$PID_FILE")"

  local heap xms
  heap="$(heap_mib "$HEAP")"
  (( heap >= 128 )) || die "OPENSEARCH_HEAP=$HEAP is too small (min 128m)"
  xms=$(( heap < 512 ? heap : 512 ))

  local cp
  cp="$MODULE_DIR/target/classes:$(tr -d '\n' < "$MODULE_DIR/target/classpath.txt")"
  local -a jvm=(
    "-Xms${xms}m" "-Xmx${heap}m"
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true -Dfile.encoding=UTF-8
    -Dopensearch.set.netty.runtime.available.processors=false
    "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.properties"
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true
    "-Dos.home=$HOME_DIR" "-Dos.http.port=$PORT"
  )
  [[ -n "${OPENSEARCH_TRANSPORT_PORT:-}" ]] && jvm+=("-Dos.transport.port=$OPENSEARCH_TRANSPORT_PORT")
  [[ -n "${OPENSEARCH_CLUSTER_NAME:-}" ]] && jvm+=("-Dos.cluster.name=$OPENSEARCH_CLUSTER_NAME")
  [[ -n "${OPENSEARCH_NODE_NAME:-}" ]] && jvm+=("-Dos.node.name=$OPENSEARCH_NODE_NAME")
  if [[ -n "${OPENSEARCH_SEED_HOSTS:-}" ]]; then
    jvm+=("-Dos.seed.hosts=$OPENSEARCH_SEED_HOSTS" "-Dos.initial.cluster.managers=${OPENSEARCH_INITIAL_MANAGERS:-}"
      "-Dos.cluster.size=${OPENSEARCH_CLUSTER_NODES:-1}")
  fi
  if [[ "$SECURE" == 1 ]]; then
    # The security plugin's jars (and its own dependencies) after core's: core's versions win.
    cp="$cp:$MODULE_DIR/target/security-plugin/*"
    jvm+=(-Djava.locale.providers=SPI,COMPAT "-Dos.admin.credentials=$ADMIN_CREDENTIALS")
    prepare_secure_home
  else
    jvm+=(-Djava.locale.providers=SPI,CLDR --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
  fi
  # shellcheck disable=SC2206
  local -a extra=(${OPENSEARCH_JAVA_OPTS:-})

  log "starting OpenSearch on $URL (heap ${heap}m, home $HOME_DIR, log $LOG_FILE)"
  local t0=$SECONDS
  : > "$LOG_FILE"
  # Background, detached from the terminal's SIGHUP; fd 9 (the lock) must not leak into java.
  nohup "$JDK/bin/java" "${jvm[@]}" "${extra[@]}" -cp "$cp" "$MAIN_CLASS" \
    >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" > "$PID_FILE"

  # If start itself is interrupted, do not leave a half-started node behind.
  trap 'log "interrupted; stopping pid '"$pid"'"; kill_and_wait '"$pid"'; rm -f "$PID_FILE"; exit 130' INT TERM

  local rc=0
  wait_ready "$pid" || rc=$?
  if (( rc != 0 )); then
    if (( rc == 1 )); then
      log "OpenSearch (pid $pid) exited during startup"
    else
      log "OpenSearch (pid $pid) not ready within ${START_TIMEOUT}s; stopping it"
      kill_and_wait "$pid"
    fi
    rm -f "$PID_FILE"
    print_log_tail
    die "OpenSearch failed to start"
  fi
  trap - INT TERM

  local ready_url
  ready_url="$(sed -n 's/^OPENSEARCH_READY //p' "$LOG_FILE" | head -n1)"
  log "ready in $(( SECONDS - t0 ))s: ${ready_url:-$URL} (pid $pid)"
  echo "${ready_url:-$URL}"
}

cmd_stop() {
  if [[ -z "${CLUSTER_CHILD:-}" && -f "$CLUSTER_FILE" ]]; then
    local p
    # Every node at once (a cluster manager left alone waits for its peers, slowly).
    while read -r p; do
      [[ "$p" =~ ^[0-9]+$ ]] && OPENSEARCH_PORT="$p" CLUSTER_CHILD=1 OPENSEARCH_HOME="" OPENSEARCH_LOG="" OPENSEARCH_PID_FILE="" bash "$0" stop &
    done < "$CLUSTER_FILE"
    wait
    rm -f "$CLUSTER_FILE"
    return 0
  fi
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -z "$pid" ]]; then
    log "not running (no pid file $PID_FILE)"
    return 0
  fi
  if ! is_our_process "$pid"; then
    log "not running (stale pid file, pid $pid)"
    rm -f "$PID_FILE"
    return 0
  fi
  log "stopping pid $pid"
  kill_and_wait "$pid"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  if [[ -z "${CLUSTER_CHILD:-}" && -f "$CLUSTER_FILE" ]]; then
    local p rc=0
    while read -r p; do
      printf 'node %s: ' "$p"
      OPENSEARCH_PORT="$p" CLUSTER_CHILD=1 OPENSEARCH_HOME="" OPENSEARCH_LOG="" OPENSEARCH_PID_FILE="" bash "$0" status || rc=3
    done < "$CLUSTER_FILE"
    return "$rc"
  fi
  local pid
  pid="$(read_pid)"
  if is_our_process "$pid"; then
    if answers_http; then
      echo "running (pid $pid) at $URL"
    else
      echo "running (pid $pid) but not answering on $URL yet"
    fi
    return 0
  fi
  echo "not running"
  return 3
}

usage() {
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  build) shift; for arg in "$@"; do [[ "$arg" == --secure ]] || die "unknown option for build: $arg"; done; cmd_build ;;
  *) usage ;;
esac
