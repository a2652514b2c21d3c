#!/usr/bin/env bash
# API fuzzing with schemathesis: starts the real service on a free
# loopback port with a fresh database, mints a staff token, and runs
# schemathesis against /openapi.json with it. Checks: no 5xx
# (not_a_server_error) and every response matching the documented schema
# (response_schema_conformance). Bounded: at most MAX_EXAMPLES cases per
# operation and MAX_TIME seconds in all.
#
#   bench/schemathesis.sh [max-time-seconds=150] [max-examples=25]
#
# Environment: NAKANO_BIN (default .build/debug/nakano-center, built if
# missing), SCHEMATHESIS_SEED (default 1, so a CI failure replays),
# SCHEMATHESIS_ROLE (staff by default; admin reaches the admin endpoints too).
# schemathesis comes from PyPI into .build/venv-schemathesis, once.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

MAX_TIME="${1:-150}"
MAX_EXAMPLES="${2:-25}"
SEED="${SCHEMATHESIS_SEED:-1}"
ROLE="${SCHEMATHESIS_ROLE:-staff}"
BIN="${NAKANO_BIN:-.build/debug/nakano-center}"
VENV=.build/venv-schemathesis
VERSION=4.32.5

if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "== install schemathesis $VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$VERSION"
fi
if [ ! -x "$BIN" ]; then
  echo "== build $BIN"
  swift build --product nakano-center 2>&1 | tail -n 1
fi

TMP="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$TMP/center.sqlite" >"$TMP/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  [ -s "$TMP/admin.token" ] && curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null
ADMIN_TOKEN="$(cat "$TMP/admin.token")"
if [ "$ROLE" = admin ]; then
  TOKEN="$ADMIN_TOKEN"
else
  TOKEN="$("$BIN" token create --role "$ROLE" --name fuzz --database "$TMP/center.sqlite" | grep -o 'nkc_[A-Za-z0-9_-]*' | head -n 1)"
fi
[ -n "$TOKEN" ] || { echo "could not mint a $ROLE token" >&2; exit 1; }

# An admin fuzzer would revoke its own token (ids are small integers) and
# then test nothing but 401s: with the admin role, revocation is left out.
EXCLUDE=()
[ "$ROLE" = admin ] && EXCLUDE=(--exclude-path '/tokens/{id}/revoke')

# The coverage phase also sends methods no route has, expecting 405; TRACE,
# which we do not implement at all, is rightly 501 (RFC 9110 §9.1), so it is
# left out of that list.
cat >"$TMP/schemathesis.toml" <<'TOML'
[phases.coverage]
unexpected-methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
TOML

echo "== schemathesis $VERSION as $ROLE: max $MAX_EXAMPLES examples per operation, max ${MAX_TIME}s, seed $SEED"
OUT="$PWD/bench/out/schemathesis-$ROLE"
mkdir -p "$OUT"
set +e
# Run from the temporary directory: schemathesis keeps a .schemathesis/
# cache in its working directory, which must not land in the repository.
(cd "$TMP" && "$OLDPWD/$VENV/bin/schemathesis" --config-file "$TMP/schemathesis.toml" run "http://127.0.0.1:$PORT/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,response_schema_conformance \
  --max-examples "$MAX_EXAMPLES" --max-time "$MAX_TIME" --seed "$SEED" --workers 1 \
  --request-timeout 10 --generation-database none --no-color "${EXCLUDE[@]}" >"$OUT/schemathesis.out" 2>&1)
STATUS=$?
set -e
# The failures first (they can be long), then the summary.
sed -n '/^=* \(FAILURES\|ERRORS\) =*$/,/^=* \(WARNINGS\|SUMMARY\) =*$/p' "$OUT/schemathesis.out" | head -n 150
sed -n '/^=* SUMMARY =*$/,$p' "$OUT/schemathesis.out"
if ! kill -0 "$SERVER" 2>/dev/null; then
  echo "== the server died during the run; its last log lines:"
  tail -n 20 "$TMP/server.log"
  STATUS=1
fi
cp "$TMP/server.log" "$OUT/server.log"
echo "== full output: $OUT/schemathesis.out, server log: $OUT/server.log"
exit "$STATUS"
