#!/usr/bin/env bash
# bench/long-runs.sh — the reliability tests of ICAT Tracker, for hours
# instead of seconds
#
#   bench/long-runs.sh [BUILD_DIR]     (default: _build; build it first)
#
# The suite runs each of these a little on every `meson test`; this runs
# them long: power cuts (test-power-loss), I/O faults (test-io-faults, which
# fails every call of each kind when asked), kills of the real command line
# (test-kill), random documents through export and restore
# (test-round-trip), then an hour of fuzzing if a fuzz build exists
# (build-aux/dev test makes _build-fuzz). Each test prints the seed of its
# run (ICAT_*_SEED=…); setting that variable replays a failure exactly.
# Override the sizes with the same variables, e.g.
#   ICAT_KILL_TRIALS=5000 bench/long-runs.sh
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)

export ICAT_POWER_LOSS_TRIALS=${ICAT_POWER_LOSS_TRIALS:-3000}
export ICAT_KILL_TRIALS=${ICAT_KILL_TRIALS:-1000}
export ICAT_ROUND_TRIP_TRIALS=${ICAT_ROUND_TRIP_TRIALS:-3000}
export ICAT_IO_FAULTS_ALL=1
export ICAT_FUZZ_SECONDS=${ICAT_FUZZ_SECONDS:-3600}

# The long runs take hours: no per-test timeout.
meson test -C "$build" --print-errorlogs --timeout-multiplier 0 \
  test-power-loss test-io-faults test-kill test-round-trip fuzz-exchange-corpus

fuzzer="$top/_build-fuzz/tests/fuzz/fuzz-exchange"
if [ -x "$fuzzer" ]; then
  mkdir -p "$top/_build-fuzz/corpus-exchange"
  "$fuzzer" -max_total_time="$ICAT_FUZZ_SECONDS" -timeout=10 -artifact_prefix="$top/_build-fuzz/" \
    "$top/_build-fuzz/corpus-exchange" "$top/tests/fuzz/corpus/exchange"
else
  echo "No fuzz build: run build-aux/dev test once to make _build-fuzz." >&2
fi
