#!/usr/bin/env bash
# Installs what the tests need (npm packages of the card linter and the Agents Playground) and runs every test:
# unit, in-process host and end-to-end. The last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "Perlu '$tool' di PATH." >&2; echo "0 passed, 1 failed"; exit 1; }
done

echo "» npm ci (tests/tools, manifest/playground)"
(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
(cd manifest/playground && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }

echo "» dotnet build"
if ! dotnet build KinerjaBot.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=TestResults
rm -rf "$results"
echo "» dotnet test"
dotnet test KinerjaBot.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal"
status=$?

# The end-to-end tier once more with the bot on Azure Tables (Azurite started by the fixture): its own trx file.
echo "» dotnet test (end-to-end on Azure Tables)"
KINERJA_E2E_STORE=tables dotnet test tests/KinerjaBot.EndToEnd -c Release --no-build -nologo --results-directory "$results" \
  --logger "trx;LogFileName=KinerjaBot.EndToEnd.tables.trx" --logger "console;verbosity=minimal"
status_tables=$?
[ "$status" -eq 0 ] && status=$status_tables

passed=0; failed=0; trx_count=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  trx_count=$((trx_count + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# A test run that crashed before writing its results counts as a failure, never as "0 failed".
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$trx_count" -eq 0 ] || [ "$passed" -eq 0 ]; then failed=$((failed > 0 ? failed : 1)); status=1; fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
