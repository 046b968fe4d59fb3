#!/usr/bin/env bash
# Starts the bot (Release build) against a seeded database with the settings bench/ChatCrm.Load's fakes need, and
# drives it with the load tool; the tool launches and stops the bot itself and times its start-up.
#
#   bench/run-load.sh sqlite <label> [load tool options…]      # database folder: PERF_SQLITE_DIR (/tmp/perf-sqlite)
#   bench/run-load.sh postgres <label> [load tool options…]    # connection string: PERF_POSTGRES
#
# The JSON report goes to /tmp/load-<label>.json. REPLY_WAIT (00:00:15) is how long replies are waited for.
# Build first: dotnet build ChatCrm.sln -c Release. Only loopback addresses are used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=$1; label=$2; shift 2
export ASPNETCORE_ENVIRONMENT=Development Urls=http://127.0.0.1:3981 Logging__LogLevel__Default=Warning \
  MicrosoftAppType=UserAssignedMSI MicrosoftAppId=5b0c3a2e-9d7f-4e61-8a3b-1c2d3e4f5a6b \
  MicrosoftAppTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47 \
  Teams__OpenIdMetadataUrl=http://127.0.0.1:39790/v1/.well-known/openidconfiguration \
  IDENTITY_ENDPOINT=http://127.0.0.1:39790/msi/token IDENTITY_HEADER=load \
  Slack__Enabled=true Slack__BotToken=xoxb-load SLACK_SIGNING_SECRET=load-secret \
  Slack__ApiBaseUrl=http://127.0.0.1:39790/slack/api/ Slack__AllowedResponseUrlHosts__0=127.0.0.1 \
  Directory__DemoEnrollUnknownUsersAs=SalesRep Directory__DemoEnrollTeam="Ventas España" Demo__SeedEmptyDatabase=false \
  Conversation__TurnsPerUser=0
case "$db" in
  sqlite) export Database__Provider=Sqlite Database__DataDirectory="${PERF_SQLITE_DIR:-/tmp/perf-sqlite}" ;;
  postgres) export Database__Provider=Postgres Database__ConnectionString="${PERF_POSTGRES:?set PERF_POSTGRES to an Npgsql connection string}" ;;
  *) echo "first argument: sqlite or postgres" >&2; exit 2 ;;
esac
exec dotnet bench/ChatCrm.Load/bin/Release/net10.0/ChatCrm.Load.dll mix --target http://127.0.0.1:3981/ \
  --start-bot "dotnet src/Bot/bin/Release/net10.0/ChatCrm.Bot.dll" --signing-secret load-secret \
  --reply-wait "${REPLY_WAIT:-00:00:15}" --json "/tmp/load-$label.json" "$@"
