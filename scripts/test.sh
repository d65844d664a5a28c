#!/usr/bin/env bash
# Runs every OneStop test on a fresh Debian machine of this kind, as root, with no terminal:
#   1. installs what is missing (PostgreSQL, Chromium, PDF and font tools) from Debian's packages;
#   2. starts a throwaway PostgreSQL cluster on a free port in a temporary directory;
#   3. runs the fast tests, the integration tests on SQLite and on PostgreSQL, and the browser tests;
#   4. stops the cluster whatever happened, and ends with one line "N passed, N failed".
# Set ONESTOP_SKIP_BROWSER=1 to leave the browser tests out while iterating.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. Debian packages -------------------------------------------------------------------------
packages=(postgresql chromium poppler-utils libnss3-tools fonts-noto-core fonts-dejavu-core qpdf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed; trying the install anyway"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { log "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- 2. a throwaway PostgreSQL cluster ----------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/onestop-pg.XXXXXX)
chown postgres:postgres "$pg_dir"
chmod 700 "$pg_dir"
pg_started=0
cleanup() {
  if [ "$pg_started" = 1 ]; then
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1)
  fi
  rm -rf "$pg_dir"
}
trap cleanup EXIT INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=""
start=$((55432 + RANDOM % 2000))
for candidate in $(seq "$start" $((start + 100))); do
  if port_free "$candidate"; then pg_port=$candidate; break; fi
done

(cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1) \
  && (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null 2>&1) \
  && pg_started=1
if [ "$pg_started" != 1 ]; then
  log "PostgreSQL did not start:"; cat "$pg_dir"/*.log >&2 2>/dev/null
  echo "0 passed, 1 failed"; exit 1
fi
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=true"
log "PostgreSQL $(basename "$(dirname "$pg_bin")") on port $pg_port"

# --- 3. build once, then every test run ----------------------------------------------------------
results=$(mktemp -d /tmp/onestop-results.XXXXXX)
passed=0; failed=0; broken=0

log "building"
if ! dotnet build OneStop.slnx -c Debug -nologo -v quiet >"$results/build.log" 2>&1; then
  log "the build failed:"
  grep -E "error" "$results/build.log" | sort -u | head -n 40 >&2
  echo "0 passed, 1 failed"; exit 1
fi

# run NAME PROJECT [extra dotnet test args...], with the environment given before the call
run() {
  local name=$1 project=$2; shift 2
  log "running $name"
  local trx="$results/$name.trx"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" "$@" 2>&1 \
    | grep -vE '^\s*$' | tail -n 60
  if [ ! -f "$trx" ]; then
    log "$name produced no results"; broken=$((broken + 1)); return
  fi
  local counters
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  local p f e
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f + e))
  log "$name: $p passed, $((f + e)) failed"
}

run fast tests/OneStop.Tests
ONESTOP_TEST_POSTGRES="" run integration-sqlite tests/OneStop.IntegrationTests
ONESTOP_TEST_POSTGRES="$postgres" run integration-postgres tests/OneStop.IntegrationTests
if [ "${ONESTOP_SKIP_BROWSER:-0}" != 1 ]; then
  ONESTOP_TEST_POSTGRES="" run browser tests/OneStop.BrowserTests
fi

# --- 4. the style the build does not catch -------------------------------------------------------
log "checking formatting (dotnet format)"
if ! dotnet format OneStop.slnx --verify-no-changes --no-restore >"$results/format.log" 2>&1; then
  log "dotnet format found unformatted code:"; head -n 30 "$results/format.log" >&2
  broken=$((broken + 1))
fi

rm -rf "$results"
failed=$((failed + broken))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
