#!/usr/bin/env bash
# Runs the whole test suite: the one command for a developer's machine and for CI.
#
#   ./test.sh                      # every test project in ChatCrm.sln
#   ./test.sh --filter Postgres    # extra arguments go to `dotnet test` as they are
#
# The PostgreSQL tests need a server. When CHATCRM_TEST_POSTGRES is set (an Npgsql connection string to the
# 'postgres' database as a superuser) that server is used as it is. Otherwise this script installs Debian's
# PostgreSQL if its binaries are missing, starts a throw-away cluster in a temporary folder (127.0.0.1 only,
# a free port picked now, password auth), runs the tests against it, and always stops and deletes it.
# Exits with the exit code of `dotnet build` when the build fails, else with that of `dotnet test`.
#
# The Adaptive Card tests parse every card with the official `adaptivecards` npm package (tests/card-validator):
# this script installs Node.js and npm with apt-get when `node` is missing, then runs `npm ci` there. The Teams
# package tests likewise run the official `@microsoft/app-manifest` validator (tests/manifest-validator). The privacy
# centre's browser test needs Debian's `chromium`, installed with apt-get when missing.
#
# Settings: CHATCRM_TEST_CONFIGURATION (Release by default).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
configuration="${CHATCRM_TEST_CONFIGURATION:-Release}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

pg_tmp=""
pg_bin=""
pg_data=""
test_output=""

log() { printf '[test.sh] %s\n' "$*" >&2; }

# Runs a PostgreSQL binary as the postgres user when we are root (PostgreSQL refuses to run as root),
# from the cluster's folder so the current directory is always one that user can read.
as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd "$pg_tmp" && runuser -u postgres -- "$@")
  else
    (cd "$pg_tmp" && "$@")
  fi
}

# Prints the folder holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<version>/bin
# (newest version first). Prints nothing when there is none.
find_postgres_bin() {
  local initdb_path dir
  if initdb_path="$(command -v initdb)"; then
    dir="$(dirname "$(readlink -f "$initdb_path")")"
    if [[ -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  done
}

install_postgres() {
  if [[ "$(id -u)" != 0 ]]; then
    log "PostgreSQL (initdb, pg_ctl) is not installed and installing it needs root:"
    log "  apt-get install postgresql   -- or set CHATCRM_TEST_POSTGRES to an existing server."
    exit 1
  fi
  log "PostgreSQL not found; installing Debian's package (apt-get install postgresql)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # The package creates and may start a 'main' cluster of its own; the tests never use it, so stop it.
  if command -v pg_lsclusters >/dev/null; then
    local version cluster status
    while read -r version cluster _ status _; do
      if [[ "$status" == online* ]]; then
        log "stopping the package's own cluster $version/$cluster (not used by the tests)"
        pg_ctlcluster "$version" "$cluster" stop || true
      fi
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
}

# True when nothing accepts connections on 127.0.0.1:$1.
port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_port() {
  echo $(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
}

stop_postgres() {
  if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      local pid
      pid="$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null || true)"
      if [[ -n "$pid" ]]; then
        log "pg_ctl stop failed; killing postmaster $pid"
        kill -9 "$pid" 2>/dev/null || true
      fi
    fi
  fi
}

cleanup() {
  [[ -z "$test_output" ]] || rm -f "$test_output"
  stop_postgres || true
  if [[ -n "$pg_tmp" && -d "$pg_tmp" ]]; then
    rm -rf "$pg_tmp" || true
  fi
}

start_postgres() {
  local started=$SECONDS
  pg_bin="$(find_postgres_bin)"
  if [[ -z "$pg_bin" ]]; then
    install_postgres
    pg_bin="$(find_postgres_bin)"
    [[ -n "$pg_bin" ]] || { log "PostgreSQL was installed but initdb/pg_ctl were not found"; exit 1; }
  fi
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "creating the system user 'postgres' to run the server"
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi

  # Always under /tmp: the postgres user must reach it, and the socket path must stay short.
  pg_tmp="$(mktemp -d /tmp/chatcrm-pg.XXXXXX)"
  pg_data="$pg_tmp/data"
  mkdir -p "$pg_tmp/socket"
  local password
  password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$pg_tmp/pwfile"
  if [[ "$(id -u)" == 0 ]]; then
    chown -R postgres: "$pg_tmp"
  fi
  chmod 700 "$pg_tmp"

  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') from $pg_bin; cluster in $pg_tmp"
  local initdb_args=(-D "$pg_data" -U postgres --pwfile="$pg_tmp/pwfile" --auth-local=trust
    --auth-host=scram-sha-256 --encoding=UTF8 --no-sync --no-instructions)
  if ! as_postgres "$pg_bin/initdb" "${initdb_args[@]}" --locale=C.UTF-8 >"$pg_tmp/initdb.log" 2>&1; then
    log "initdb with C.UTF-8 failed; retrying without a locale"
    rm -rf "$pg_data"
    as_postgres "$pg_bin/initdb" "${initdb_args[@]}" --no-locale >"$pg_tmp/initdb.log" 2>&1 \
      || { cat "$pg_tmp/initdb.log" >&2; exit 1; }
  fi
  rm -f "$pg_tmp/pwfile"

  # A throw-away cluster: no durability, loopback only, socket in our own folder.
  cat >>"$pg_data/postgresql.conf" <<EOF

# chatcrm test.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_tmp/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF

  local attempt port
  for attempt in 1 2 3 4 5; do
    port="$(random_port)"
    port_is_free "$port" || continue
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_tmp/postgres.log" -o "-p $port" -w -t 60 start >/dev/null; then
      if as_postgres "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
        log "PostgreSQL ready on 127.0.0.1:$port after $((SECONDS - started))s (log: $pg_tmp/postgres.log)"
        export CHATCRM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$password"
        return
      fi
      stop_postgres
    fi
    log "could not start PostgreSQL on port $port (attempt $attempt); trying another port"
  done
  log "PostgreSQL did not start; its log:"
  cat "$pg_tmp/postgres.log" >&2 || true
  exit 1
}

# Installs the card validator's pinned packages (tests/card-validator), and Node.js first when it is missing.
install_card_validator() {
  local dir="$repo_root/tests/card-validator"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if [[ "$(id -u)" != 0 ]]; then
      log "Node.js and npm are needed for the Adaptive Card validator and installing them needs root:"
      log "  apt-get install nodejs npm   -- then run ./test.sh again"
      exit 1
    fi
    log "Node.js not found; installing Debian's packages (apt-get install nodejs npm)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  log "card validator: npm ci in tests/card-validator (node $(node --version))"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  log "manifest validator: npm ci in tests/manifest-validator"
  (cd "$repo_root/tests/manifest-validator" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

# The privacy centre's browser test drives Debian's Chromium through Playwright (its own browser download cannot work
# here): installs the package when /usr/bin/chromium is missing.
install_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    log "Chromium is needed for the privacy centre's browser test and installing it needs root:"
    log "  apt-get install chromium   -- then run ./test.sh again"
    exit 1
  fi
  log "Chromium not found; installing Debian's package (apt-get install chromium)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
}

# Adds up the per-assembly "Failed: N, Passed: N, Skipped: N" lines of `dotnet test` into one closing line.
print_totals() {
  local output="$1"
  grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$output" \
    | awk -F'[:,]' '{ f += $2; p += $4; s += $6 } END { if (NR > 0) printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }'
}

main() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if [[ -n "${CHATCRM_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL server given by CHATCRM_TEST_POSTGRES"
  else
    start_postgres
  fi

  install_card_validator
  install_chromium

  local status started=$SECONDS
  test_output="$(mktemp "${TMPDIR:-/tmp}/chatcrm-test-output.XXXXXX")"
  # Build everything first (every project, the benchmarks too, so they keep compiling), then run the three test
  # assemblies side by side. A plain `dotnet test ChatCrm.sln` builds and runs each test project inside one of the
  # MSBuild nodes (one per core): on two cores the bot tests were not even compiled until the infrastructure tests had
  # finished. The tests run the same IL either way: precompiling the bot and its packages (ReadyToRun, for start-up
  # time) only slows the test build down, so it is switched off here.
  log "dotnet build ChatCrm.sln -c $configuration -p:ReadyToRunOnBuild=false"
  set +e
  dotnet build "$repo_root/ChatCrm.sln" -c "$configuration" -p:ReadyToRunOnBuild=false 2>&1 | tee "$test_output"
  status="${PIPESTATUS[0]}"
  log "build finished after $((SECONDS - started))s"
  if [[ "$status" == 0 ]]; then
    log "dotnet test ChatCrm.sln -c $configuration --no-build -maxcpucount:3 $*"
    dotnet test "$repo_root/ChatCrm.sln" -c "$configuration" --no-build -maxcpucount:3 "$@" 2>&1 | tee -a "$test_output"
    status="${PIPESTATUS[0]}"
  fi
  set -e
  print_totals "$test_output"
  log "dotnet test exited with $status after $((SECONDS - started))s"
  return "$status"
}

main "$@"
