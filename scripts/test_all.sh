#!/usr/bin/env bash
# Every test of the project: unit and component tests, integration tests against a real
# OpenSearch, and end-to-end tests in Debian's chromium. Installs what is missing (npm packages,
# chromium, the OpenSearch artifacts), starts a fresh OpenSearch of its own unless OPENSEARCH_URL
# is set, and a fresh secured OpenSearch 2.19 (security plugin, test users) unless OPENSEARCH_SECURE_URL
# is set, and ends with the line `tests: N passed, M failed`.
#   TEST_OPENSEARCH_PORT (default 9250), TEST_OPENSEARCH_SECURE_PORT (default TEST_OPENSEARCH_PORT + 1)
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

summary=$(node -e '
  const fs = require("fs");
  const f = process.argv[1];
  if (!fs.existsSync(f)) { console.log("0 0"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  console.log(r.numPassedTests + " " + (r.numFailedTests + r.numRuntimeErrorTestSuites));
' "$RESULTS")
passed=${summary% *}
failed=${summary#* }
if [ "$lint_failed" -ne 0 ]; then
  echo "type check or lint failed (counted as one failed test)" >&2
  failed=$((failed + 1))
fi
if [ "$jest_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
