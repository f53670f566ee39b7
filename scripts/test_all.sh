#!/usr/bin/env bash
# Every test of the project: unit and component tests, integration tests against a real
# OpenSearch, and end-to-end tests in Debian's chromium. Installs what is missing (npm packages,
# chromium, the OpenSearch artifacts), starts a fresh OpenSearch of its own unless OPENSEARCH_URL
# is set, and a fresh secured OpenSearch 2.19 (security plugin, test users) unless OPENSEARCH_SECURE_URL
# is set, and ends with the line `tests: N passed, M failed`.
#   TEST_OPENSEARCH_PORT (default 9250), TEST_OPENSEARCH_SECURE_PORT (default TEST_OPENSEARCH_PORT + 1)
#
# Then the integration suite runs once more on a 3-node cluster (dev/opensearch/opensearch.sh start
# --cluster 3) with the SIEM's shard layout (3 primaries, 1 replica), with a second one-node cluster
# registered as a remote for the cross-cluster tests. TEST_CLUSTER=0 skips that pass;
# TEST_CLUSTER_PORT (default 9270: HTTP 9270-9272, transport 9370-9372) and TEST_REMOTE_PORT
# (default 9275, transport +100) choose the ports.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*" >&2; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund || exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
fi

STARTED_OPENSEARCH=""
if [ -z "${OPENSEARCH_URL:-}" ]; then
  export OPENSEARCH_PORT="${TEST_OPENSEARCH_PORT:-9250}"
  log "starting a fresh OpenSearch on port $OPENSEARCH_PORT"
  OPENSEARCH_URL=$(bash dev/opensearch/opensearch.sh start --fresh) || exit 1
  export OPENSEARCH_URL
  STARTED_OPENSEARCH=1
fi
STARTED_SECURE=""
cleanup() {
  if [ -n "$STARTED_OPENSEARCH" ]; then bash dev/opensearch/opensearch.sh stop >/dev/null 2>&1 || true; fi
  if [ -n "$STARTED_SECURE" ]; then OPENSEARCH_PORT="$STARTED_SECURE" bash dev/opensearch/opensearch.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ -z "${OPENSEARCH_SECURE_URL:-}" ]; then
  SECURE_PORT="${TEST_OPENSEARCH_SECURE_PORT:-$(( ${OPENSEARCH_PORT:-${TEST_OPENSEARCH_PORT:-9250}} + 1 ))}"
  log "starting a fresh secured OpenSearch 2.19 on port $SECURE_PORT"
  OPENSEARCH_SECURE_URL=$(OPENSEARCH_PORT="$SECURE_PORT" bash dev/opensearch/opensearch.sh start --secure --fresh) || exit 1
  export OPENSEARCH_SECURE_URL
  STARTED_SECURE="$SECURE_PORT"
fi

lint_failed=0
log "type check and lint"
npx tsc --noEmit -p tsconfig.json || lint_failed=1
npx eslint . --ext .ts,.tsx,.js --max-warnings 0 || lint_failed=1

log "jest: unit, ui, integration, secured, e2e (OPENSEARCH_URL=$OPENSEARCH_URL, OPENSEARCH_SECURE_URL=$OPENSEARCH_SECURE_URL)"
mkdir -p test-results
RESULTS="$ROOT/test-results/jest.json"
rm -f "$RESULTS"
npx jest -c test/jest.config.js --runInBand --json --outputFile="$RESULTS" "$@"
jest_status=$?

count_results() { # $1 = jest JSON file -> "passed failed"
  node -e '
    const fs = require("fs");
    const f = process.argv[1];
    if (!fs.existsSync(f)) { console.log("0 1"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    console.log(r.numPassedTests + " " + (r.numFailedTests + r.numRuntimeErrorTestSuites));
  ' "$1"
}
summary=$(count_results "$RESULTS")
passed=${summary% *}
failed=${summary#* }

# The integration suite again, on a 3-node cluster with several primaries and a replica per index,
# and with one source behind cross-cluster search.
if [ "${TEST_CLUSTER:-1}" != 0 ] && [ "$#" -eq 0 ]; then
  cluster_started=$SECONDS
  CLUSTER_PORT="${TEST_CLUSTER_PORT:-9270}"
  REMOTE_PORT="${TEST_REMOTE_PORT:-9275}"
  # The single node is done: free its memory for the cluster.
  if [ -n "$STARTED_OPENSEARCH" ]; then bash dev/opensearch/opensearch.sh stop >/dev/null 2>&1; STARTED_OPENSEARCH=""; fi
  stop_cluster() {
    OPENSEARCH_PORT="$CLUSTER_PORT" bash dev/opensearch/opensearch.sh stop >/dev/null 2>&1 || true
    OPENSEARCH_PORT="$REMOTE_PORT" bash dev/opensearch/opensearch.sh stop >/dev/null 2>&1 || true
  }
  trap 'cleanup; stop_cluster' EXIT
  log "starting a 3-node cluster on ports $CLUSTER_PORT-$(( CLUSTER_PORT + 2 )) and a remote cluster on $REMOTE_PORT"
  CLUSTER_RESULTS="$ROOT/test-results/jest-cluster.json"
  rm -f "$CLUSTER_RESULTS"
  if CLUSTER_URL=$(OPENSEARCH_PORT="$CLUSTER_PORT" OPENSEARCH_HEAP="${TEST_CLUSTER_HEAP:-512m}" bash dev/opensearch/opensearch.sh start --cluster 3 --fresh) &&
     REMOTE_URL=$(OPENSEARCH_PORT="$REMOTE_PORT" OPENSEARCH_TRANSPORT_PORT=$(( REMOTE_PORT + 100 )) OPENSEARCH_CLUSTER_NAME="remote-$REMOTE_PORT" \
       OPENSEARCH_HEAP="${TEST_CLUSTER_HEAP:-512m}" bash dev/opensearch/opensearch.sh start --fresh); then
    log "jest: integration on the 3-node cluster (SIEM_INDEX_SHARDS=3 SIEM_INDEX_REPLICAS=1), remote $REMOTE_URL"
    OPENSEARCH_URL="$CLUSTER_URL" OPENSEARCH_REMOTE_URL="$REMOTE_URL" OPENSEARCH_REMOTE_SEED="127.0.0.1:$(( REMOTE_PORT + 100 ))" \
      SIEM_INDEX_SHARDS=3 SIEM_INDEX_REPLICAS=1 \
      npx jest -c test/jest.config.js --selectProjects integration --runInBand --json --outputFile="$CLUSTER_RESULTS"
    cluster_status=$?
    summary=$(count_results "$CLUSTER_RESULTS")
    passed=$(( passed + ${summary% *} ))
    failed=$(( failed + ${summary#* } ))
    if [ "$cluster_status" -ne 0 ] && [ "${summary#* }" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    echo "the 3-node cluster or the remote cluster did not start (counted as one failed test)" >&2
    failed=$((failed + 1))
  fi
  stop_cluster
  log "cluster pass took $(( SECONDS - cluster_started )) s"
fi
if [ "$lint_failed" -ne 0 ]; then
  echo "type check or lint failed (counted as one failed test)" >&2
  failed=$((failed + 1))
fi
if [ "$jest_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
