#!/usr/bin/env bash
# Load benchmark of the delivery engine (issue 6): the fan-out test against the fake Bot Connector, with the rate
# asserted. Usage: bash benchmarks/pengiriman.sh [recipients] [tenant-limit-per-second] [min-fraction]
#   bash benchmarks/pengiriman.sh 10000 30 0.95     # Teams' real limit: ~6 minutes
#   bash benchmarks/pengiriman.sh 10000 500 0.95    # the CI size, with the rate asserted
# The fake connector enforces the limit + 5 % (the margin the bot keeps below the service); the rate is measured at the
# connector from its first to its last delivery. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"; rps="${2:-30}"; min="${3:-0.95}"
dotnet build tests/KinerjaBot.Tests -c Release -nologo -clp:ErrorsOnly
KINERJA_FANOUT_N="$n" KINERJA_FANOUT_RPS="$rps" KINERJA_FANOUT_MIN_RATE="$min" \
  dotnet test tests/KinerjaBot.Tests -c Release --no-build --filter "FullyQualifiedName~FanOutTests" \
  --logger "console;verbosity=detailed" | grep -E "deliveries at a tenant limit|Passed!|Failed!|rate "
