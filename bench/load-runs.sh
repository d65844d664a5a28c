#!/usr/bin/env bash
# Runs the applications load benchmark N times in a row (default 10) and prints a Markdown row per run and a
# summary of how many runs met each goal of the citizen-portal issue: a single run says little on a machine whose
# speed changes from minute to minute, and a goal counts as met only when it holds run after run.
#
#   ONESTOP_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" bench/load-runs.sh 10
#
# Every run's whole output stays in the folder printed at the end. Other ONESTOP_BENCH_* settings pass through.
set -euo pipefail

runs="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
keep="$(mktemp -d -t onestop-load-runs.XXXXXX)"

if [ -z "${ONESTOP_BENCH_POSTGRES:-}" ]; then
  echo "Set ONESTOP_BENCH_POSTGRES to a PostgreSQL connection string (a role that may create databases)." >&2
  exit 2
fi

dotnet build -c Release "$root/bench/OneStop.Benchmarks" -nologo -v quiet >/dev/null

# The rate (per second) and the p99 (ms) of a row of the run's table, found by the start of its label.
rate() { awk -F'|' -v label="$2" 'index($2, " " label) == 1 { gsub(/[ ,]|\/s/, "", $5); print $5; exit }' "$1"; }
p99() { awk -F'|' -v label="$2" 'index($2, " " label) == 1 { gsub(/ |ms/, "", $7); print $7; exit }' "$1"; }

echo "| Run ended (UTC) | Intake | p99 | First look-up / bare | Again / bare | Look-ups per query |"
echo "|---|---:|---:|---:|---:|---:|"
ratios=()
intake_met=0
first_met=0
again_met=0
done_runs=0
for i in $(seq 1 "$runs"); do
  out="$keep/run-$i.txt"
  if ! dotnet run --no-build -c Release --project "$root/bench/OneStop.Benchmarks" -- applications >"$out" 2>&1; then
    echo "run $i failed; its output: $out" >&2
    continue
  fi

  ended="$(date -u +%H:%M)"
  intake="$(rate "$out" "ApplicationIntake.SubmitAsync")"
  intake_p99="$(p99 "$out" "ApplicationIntake.SubmitAsync")"
  bare="$(rate "$out" "GET bare endpoint")"
  first="$(rate "$out" "GET /api/applications/{code}?idNumber=, first")"
  again="$(rate "$out" "GET /api/applications/{code}?idNumber=, the same")"
  per_query="$(grep -o '[0-9.]* look-ups per query' "$out" | awk '{ print $1 }')"
  read -r first_ratio again_ratio < <(awk -v b="$bare" -v f="$first" -v a="$again" 'BEGIN { printf "%.1f %.0f\n", 100 * f / b, 100 * a / b }')
  printf '| %s | %s/s | %s ms | %s %% | %s %% | %s |\n' "$ended" "$intake" "$intake_p99" "$first_ratio" "$again_ratio" "$per_query"

  done_runs=$((done_runs + 1))
  ratios+=("$first_ratio")
  awk -v r="$intake" -v p="$intake_p99" 'BEGIN { exit !(r >= 1000 && p <= 50) }' && intake_met=$((intake_met + 1))
  awk -v b="$bare" -v f="$first" 'BEGIN { exit !(f >= b / 2) }' && first_met=$((first_met + 1))
  awk -v b="$bare" -v a="$again" 'BEGIN { exit !(a >= b / 2) }' && again_met=$((again_met + 1))
done

echo
if [ "$done_runs" -eq 0 ]; then
  echo "No run finished; see $keep." >&2
  exit 1
fi

spread="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%s-%s %%, median %s %%", v[1], v[NR], (NR % 2 ? v[(NR + 1) / 2] : sprintf("%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2)) }')"
echo "Runs: $done_runs of $runs finished."
echo "Goal submissions >= 1,000/s with p99 <= 50 ms: met in $intake_met of $done_runs."
echo "Goal first look-ups >= 50 % of the bare endpoint: met in $first_met of $done_runs ($spread)."
echo "Goal repeated look-ups >= 50 % of the bare endpoint: met in $again_met of $done_runs."
echo "Each run's output: $keep"
