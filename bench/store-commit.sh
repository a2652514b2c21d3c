#!/bin/sh
# Commits per second of the store's group-committing writer, with 1 and with
# many concurrent writers, for synchronous FULL and NORMAL. The database goes
# under .build/ (a real disk), not a tmpfs, so fsync costs what it costs.
set -eu
cd "$(dirname "$0")/.."
mkdir -p .build/store-bench
STORE_BENCH=1 STORE_BENCH_DIR="$PWD/.build/store-bench" \
    swift test --filter StoreTests.CommitThroughputBenchmark 2>&1 | grep '^store-commit' | sort -t= -k2,2 -k3n
