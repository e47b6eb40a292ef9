#!/usr/bin/env bash
# Runs KinerjaBot on the embedded default (SQLite in bot/data, the KPPN Metro demo office loaded on first start)
# together with the Microsoft 365 Agents Playground as the Teams client. Ctrl+C stops everything it started.
#   bash dev.sh            current user: Bagus Prasetyo Nugroho (Kepala Seksi PDMS)
#   bash dev.sh lestari    current user: Lestari Handayani (pelaksana)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

user=${1:-bagus}
case "$user" in
  bagus) config=manifest/playground/bagus-kasi-pdms.yml ;;
  lestari) config=manifest/playground/lestari-pelaksana.yml ;;
  *) echo "Pengguna tidak dikenal: $user (pilih: bagus, lestari)" >&2; exit 2 ;;
esac

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "Perlu '$tool' di PATH." >&2; exit 1; }
done

bot_port=${KINERJA_BOT_PORT:-3978}
pg_port=${KINERJA_PLAYGROUND_PORT:-56150}

echo "» Memasang Agents Playground (npm ci)…"
(cd manifest/playground && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "» Membangun KinerjaBot…"
dotnet build bot/KinerjaBot.csproj -c Debug -nologo -v quiet -clp:ErrorsOnly

run_dir="$root/.run"
mkdir -p "$run_dir/playground"
# The Playground reads its users from .m365agentsplayground.yml in its working folder; the ids are fixed here so
# the personal chat is the same across restarts.
sed -e 's/__PERSONAL_CHAT_ID__/personal-chat-kinerjabot/' -e 's/__GROUP_CHAT_ID__/group-chat-seksi-pdms/' \
  "$config" > "$run_dir/playground/.m365agentsplayground.yml"

# Waits until a URL answers 200 (node is required anyway; curl may not be installed).
wait_for() {
  node -e '
    const url = process.argv[1], until = Date.now() + 20000;
    (async function poll() {
      try { if ((await fetch(url)).ok) process.exit(0); } catch {}
      if (Date.now() > until) process.exit(1);
      setTimeout(poll, 200);
    })();' "$1"
}

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "» Berhenti."
}
trap cleanup INT TERM EXIT

echo "» Menjalankan KinerjaBot di http://127.0.0.1:$bot_port …"
( cd bot && exec setsid env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
    dotnet run --no-build --no-launch-profile -- --urls "http://127.0.0.1:$bot_port" ) &
pids+=($!)

wait_for "http://127.0.0.1:$bot_port/healthz" || { echo "KinerjaBot tidak menjawab di port $bot_port." >&2; exit 1; }

echo "» Menjalankan Agents Playground…"
( cd "$run_dir/playground" && exec setsid env TEAMSAPPTESTER_BROWSER=none \
    "$root/manifest/playground/node_modules/.bin/agentsplayground" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$pg_port" --disable-telemetry ) &
pids+=($!)

wait_for "http://127.0.0.1:$pg_port/_debug/ping" || { echo "Agents Playground tidak menjawab di port $pg_port." >&2; exit 1; }

cat <<TXT

  KinerjaBot siap. Buka di peramban:  http://127.0.0.1:$pg_port/
  Ketik "nilai saya" di chat pribadi. Ctrl+C menghentikan semuanya.

TXT
wait
