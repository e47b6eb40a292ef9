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

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null || { echo "KinerjaBot tidak menjawab di port $bot_port." >&2; exit 1; }

echo "» Menjalankan Agents Playground…"
( cd "$run_dir/playground" && exec setsid env TEAMSAPPTESTER_BROWSER=none \
    "$root/manifest/playground/node_modules/.bin/agentsplayground" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$pg_port" --disable-telemetry ) &
pids+=($!)

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$pg_port/_debug/ping" >/dev/null 2>&1 && break
  sleep 0.2
done

cat <<TXT

  KinerjaBot siap. Buka di peramban:  http://127.0.0.1:$pg_port/
  Ketik "nilai saya" di chat pribadi. Ctrl+C menghentikan semuanya.

TXT
wait
