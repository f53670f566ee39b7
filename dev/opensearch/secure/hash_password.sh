#!/usr/bin/env bash
# Prints the bcrypt hash of a password for config/opensearch-security/internal_users.yml, made by the
# security plugin's own Hasher (from the plugin zip the secured node runs). Builds the module if needed.
#   dev/opensearch/secure/hash_password.sh 'the-password'
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
[[ $# -eq 1 ]] || { echo "usage: $0 PASSWORD" >&2; exit 2; }
[[ -s "$DIR/target/classpath.txt" ]] || OPENSEARCH_SECURE=1 bash "$DIR/../opensearch.sh" build
JAVA="${OPENSEARCH_SECURE_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
"$JAVA" -cp "$DIR/target/security-plugin/*:$(cat "$DIR/target/classpath.txt")" org.opensearch.security.tools.Hasher -p "$1" 2>/dev/null | tail -n 1
