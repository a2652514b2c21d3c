#!/usr/bin/env bash
# The simulation for a long time (docs/TESTING.md "The simulation"): seeded
# runs of random operations over the real service, faults included, every
# invariant checked after every step, seeds drawn one after another until
# HOURS are up. Prints the base seed, how many seeds and steps ran, and every
# failure with its seed, its shortest failing steps and how to replay it.
#
#   bench/simulate.sh HOURS            # e.g. 8 for a night, 0.05 for three minutes
#   JOBS=1 bench/simulate.sh 8         # one run at a time (default 2, one per core)
#   SIMULATION_BASE_SEED=0x... bench/simulate.sh 1   # the same seeds again
#   SIMULATION_STEPS=1000 bench/simulate.sh 1        # longer runs
#
# Exits 1 when any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

hours=${1:?usage: bench/simulate.sh HOURS}
seconds=$(python3 -c "import sys; print(max(1, int(float(sys.argv[1]) * 3600)))" "$hours")
base=${SIMULATION_BASE_SEED:-0x$(od -An -N8 -tx8 /dev/urandom | tr -d ' \n')}
steps=${SIMULATION_STEPS:-300}
jobs=${JOBS:-2}

echo "simulate: ${hours} h (${seconds} s), ${jobs} run(s) side by side, ${steps} steps a run, base seed ${base}; load $(cut -d' ' -f1-3 /proc/loadavg)"
swift build --build-tests 2>&1 | tail -n 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SIMULATION_SECONDS=$seconds SIMULATION_BASE_SEED=$base SIMULATION_STEPS=$steps SIMULATION_JOBS=$jobs \
  SIMULATION_REPORT="$work/report.txt" swift test --skip-build --filter SimulationRunTests > "$work/test.log" 2>&1 || true

summary=$(grep -E "^simulation: " "$work/report.txt" 2>/dev/null | tail -n 1 || true)
if [ -z "$summary" ]; then
  echo "simulate: the run ended without its summary:"
  tail -n 30 "$work/test.log"
  exit 1
fi
grep -vE "^simulation: " "$work/report.txt" || true
echo "$summary (base seed ${base}); load $(cut -d' ' -f1-3 /proc/loadavg)"
failing=$(echo "$summary" | sed -E 's/.* ([0-9]+) failing.*/\1/')
[ "$failing" -eq 0 ]
