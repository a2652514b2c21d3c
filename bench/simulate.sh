#!/usr/bin/env bash
# The simulation for a long time (docs/TESTING.md "The simulation"): seeded
# runs of random operations over the real service, faults included, every
# invariant checked after every step, seeds drawn one after another until
# HOURS are up. Prints the base seed, how many seeds and steps ran, and every
# failure with its seed, its shortest failing steps and how to replay it.
#
#   bench/simulate.sh HOURS            # e.g. 8 for a night, 0.05 for three minutes
#   JOBS=2 bench/simulate.sh 8         # two runs side by side (one per core)
#   SIMULATION_BASE_SEED=0x... bench/simulate.sh 1   # the same seeds again
#   SIMULATION_STEPS=1000 bench/simulate.sh 1        # longer runs
#
# Exits 1 when any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

hours=${1:?usage: bench/simulate.sh HOURS}
jobs=${JOBS:-1}
seconds=$(python3 -c "import sys; print(max(1, int(float(sys.argv[1]) * 3600)))" "$hours")
base=${SIMULATION_BASE_SEED:-0x$(od -An -N8 -tx8 /dev/urandom | tr -d ' \n')}
steps=${SIMULATION_STEPS:-300}

echo "simulate: ${hours} h (${seconds} s) × ${jobs} job(s), ${steps} steps a run, base seed ${base}; load $(cut -d' ' -f1-3 /proc/loadavg)"
swift build --build-tests 2>&1 | tail -n 1

logs=$(mktemp -d)
for job in $(seq 1 "$jobs"); do
  # Each job draws its own series: the base seed, plus the job's number.
  job_base=$(python3 -c "import sys; print(hex((int(sys.argv[1], 0) + int(sys.argv[2]) - 1) % 2**64))" "$base" "$job")
  SIMULATION_SECONDS=$seconds SIMULATION_BASE_SEED=$job_base SIMULATION_STEPS=$steps SIMULATION_REPORT="$logs/report-$job.txt" \
    swift test --skip-build --filter SimulationRunTests > "$logs/job-$job.log" 2>&1 &
done
wait || true

status=0
total_seeds=0
total_steps=0
failures=0
for job in $(seq 1 "$jobs"); do
  report="$logs/report-$job.txt"
  line=$(grep -E "^simulation: " "$report" 2>/dev/null | tail -n 1 || true)
  if [ -z "$line" ]; then
    echo "job $job ended without its summary:"; tail -n 20 "$logs/job-$job.log"; status=1; continue
  fi
  echo "job $job: $line"
  grep -vE "^simulation: " "$report" || true
  total_seeds=$(( total_seeds + $(echo "$line" | sed -E 's/simulation: ([0-9]+) seeds.*/\1/') ))
  total_steps=$(( total_steps + $(echo "$line" | sed -E 's/.* ([0-9]+) steps.*/\1/') ))
  failures=$(( failures + $(echo "$line" | sed -E 's/.* ([0-9]+) failing.*/\1/') ))
done
rm -rf "$logs"
echo "simulate: ${total_seeds} seeds, ${total_steps} steps, ${failures} failing (base seed ${base}); load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$failures" -eq 0 ] && [ "$status" -eq 0 ]
