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

# A private PostgreSQL cluster for the tests of several bot instances on one Hangfire storage (issue 6, stack.md):
# initdb in a temp folder (as the postgres user when running as root), a free loopback port, trust auth on loopback
# only, stopped and deleted at the end. Its connection string goes to the tests in KINERJA_TEST_POSTGRES.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  # Machines of this kind ship PostgreSQL 15 (stack.md); where it is missing, Debian's package provides it.
  echo "» apt-get install postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    ( cd / && if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate -t 20 stop"
      else "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -t 20 stop; fi ) >/dev/null 2>&1 || true
    # Belt and braces: the postmaster of this cluster only, by the pid it wrote.
    if [ -f "$pg_dir/data/postmaster.pid" ]; then kill -QUIT "$(head -n 1 "$pg_dir/data/postmaster.pid")" 2>/dev/null || true; sleep 1; fi
    rm -rf "$pg_dir"
  fi
  pg_dir=""
}
trap stop_postgres EXIT INT TERM HUP
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; then
  echo "» PostgreSQL (private cluster)"
  pg_dir=$(mktemp -d /tmp/kinerja-pg-XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

  if as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U kinerja --auth=trust -E UTF8 --locale=C.UTF-8 >'$pg_dir/initdb.log' 2>&1" \
     && as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/pg.log' -w -o \"-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_dir' -c fsync=off\" start >/dev/null"; then
    export KINERJA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kinerja;Database=postgres;Pooling=true"
  else
    echo "PostgreSQL tidak dapat dimulai:" >&2; cat "$pg_dir"/*.log >&2
  fi
fi

results=TestResults
rm -rf "$results"
echo "» dotnet test"
dotnet test KinerjaBot.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal"
status=$?

# The end-to-end tier once more with the bot on Azure Tables (Azurite started by the fixture): its own trx file.
# The delivery tests run their bot processes on one shared Azurite too (StoreUji in BotProses.cs), so two instances
# share the ledger on Tables (DuaInstansTests, Hangfire on PostgreSQL); the SIGKILL test runs with 2,000 recipients
# there (10,000 on SQLite: on Tables their seeding alone, 20,000 entity writes through the ports, takes minutes).
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
