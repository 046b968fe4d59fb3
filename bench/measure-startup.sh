#!/usr/bin/env bash
# Times the bot's start-up (Release build) from launch to its first answered request, several runs, and prints each
# run and the median. Two probes:
#   healthz  GET /healthz until it answers 200 (the host is up and the database migrated)
#   teams    bench/ChatCrm.Load's own probe: a signed Teams "help" activity answered with 2xx (JWT checked against the
#            tool's fake issuer, reply token through MSAL, reply posted to the fake Bot Connector) — what docs/performance.md
#            reports as "start-up"; it runs the bot in Development, as the load runs do (loopback service URLs)
#
#   bench/measure-startup.sh sqlite|postgres healthz|teams [runs=5]
#
# SQLite folder: STARTUP_SQLITE_DIR (/tmp/startup-sqlite); PostgreSQL: STARTUP_POSTGRES (an Npgsql connection string).
# STARTUP_BOT_DLL (src/Bot/bin/Release/net10.0/ChatCrm.Bot.dll), ASPNETCORE_ENVIRONMENT (Production), STARTUP_PORT (3995) and STARTUP_FAKES_PORT (39795) may be overridden; any other
# DOTNET_* or bot setting in the environment is passed through (e.g. DOTNET_gcServer=0 to compare).
# Seed the database first: Database__DataDirectory=/tmp/startup-sqlite dotnet src/Bot/bin/Release/net10.0/ChatCrm.Bot.dll seed --customers 2000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=${1:?sqlite or postgres}; probe=${2:?healthz or teams}; runs=${3:-5}
port=${STARTUP_PORT:-3995}; fakes=${STARTUP_FAKES_PORT:-39795}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} DataProtection__AllowUnprotectedKeys=true Urls=http://127.0.0.1:$port Logging__LogLevel__Default=Warning
case "$db" in
  sqlite) export Database__Provider=Sqlite Database__DataDirectory="${STARTUP_SQLITE_DIR:-/tmp/startup-sqlite}" ;;
  postgres) export Database__Provider=Postgres Database__ConnectionString="${STARTUP_POSTGRES:?set STARTUP_POSTGRES to an Npgsql connection string}" ;;
  *) echo "first argument: sqlite or postgres" >&2; exit 2 ;;
esac
bot="dotnet ${STARTUP_BOT_DLL:-src/Bot/bin/Release/net10.0/ChatCrm.Bot.dll}"
times=()
cpus=()
for ((run = 1; run <= runs; run++)); do
  case "$probe" in
    healthz)
      start=$(date +%s%N)
      $bot >/dev/null 2>"/tmp/startup-bot-$port.log" &
      pid=$!
      until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
        kill -0 "$pid" 2>/dev/null || { echo "the bot exited; see /tmp/startup-bot-$port.log" >&2; exit 1; }
        sleep 0.02
      done
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      # CPU time the bot used until then (user + system, clock ticks): steadier than wall time on a busy machine.
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
      cpus+=("$cpu")
      kill "$pid"; wait "$pid" 2>/dev/null || true ;;
    teams)
      # The bot settings the load tool's fakes need (as in bench/run-load.sh), on this script's own ports.
      out=$(ASPNETCORE_ENVIRONMENT=Development MicrosoftAppType=UserAssignedMSI MicrosoftAppId=5b0c3a2e-9d7f-4e61-8a3b-1c2d3e4f5a6b \
        MicrosoftAppTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47 \
        Teams__OpenIdMetadataUrl=http://127.0.0.1:$fakes/v1/.well-known/openidconfiguration \
        IDENTITY_ENDPOINT=http://127.0.0.1:$fakes/msi/token IDENTITY_HEADER=load \
        Directory__DemoEnrollUnknownUsersAs=SalesRep Directory__DemoEnrollTeam="Ventas España" Demo__SeedEmptyDatabase=false \
        dotnet bench/ChatCrm.Load/bin/Release/net10.0/ChatCrm.Load.dll mix --target "http://127.0.0.1:$port/" \
          --fakes-port "$fakes" --start-bot "$bot" --conversations 1 --turns 1 --warmup 0 --mix teams-help=1 2>&1 || true)
      ms=$(sed -n 's/.*bot answered its first request \([0-9]*\) ms after launch.*/\1/p' <<<"$out")
      [[ -n "$ms" ]] || { echo "$out" >&2; exit 1; } ;;
    *) echo "second argument: healthz or teams" >&2; exit 2 ;;
  esac
  echo "run $run: $ms ms${cpu:+ (CPU $cpu ms)}"
  times+=("$ms")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
[[ $probe == teams ]] && ASPNETCORE_ENVIRONMENT=Development
echo "median of $runs ($db, $probe, $ASPNETCORE_ENVIRONMENT): $(median "${times[@]}") ms${cpus[0]:+, CPU $(median "${cpus[@]}") ms}"
