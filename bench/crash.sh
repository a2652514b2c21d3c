#!/usr/bin/env bash
# Crash safety of acknowledged bookings, printed as plain text.
# Usage: bench/crash.sh [kills=20]   env: PORT (18095), CRASH_BUILD=release|debug
# (CI runs `CRASH_BUILD=debug bench/crash.sh 5` to reuse its debug build),
# CRASH_SEED to replay the same kill moments.
#
# Runs the real server (--synchronous full) on a fresh database under
# .build/crash-bench, keeps a booking write load on it from 12 clients, kills
# it with SIGKILL at random moments KILLS times and restarts it, then checks
# that every booking answered 201 is present and unchanged, that
# PRAGMA integrity_check is ok and that no two live units overlap
# (bench/crash/crash.py). Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
KILLS="${1:-20}"
PORT="${PORT:-18095}"
BUILD="${CRASH_BUILD:-release}"
(( KILLS >= 1 && KILLS <= 200 )) || { echo "kills must be 1..200"; exit 2; }
case "$BUILD" in release|debug) ;; *) echo "CRASH_BUILD must be release or debug"; exit 2 ;; esac

swift build -c "$BUILD" --product nakano-center 2>&1 | tail -n 1
mkdir -p .build/crash-bench
WORK="$(mktemp -d "$PWD/.build/crash-bench/run.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
echo "crash run: $KILLS kills, $BUILD build, $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ)"
timeout 600 python3 bench/crash/crash.py "$PWD/.build/$BUILD/nakano-center" "$WORK" "$KILLS" "$PORT"
