#!/usr/bin/env bash
# `npm run cluster:local`: a multi-node EcoDispatch on loopback, from Debian's packages: one
# PostgreSQL server, one Redis server and CLUSTER_NODES app nodes (default 3) on ports 3101, 3102, …
# All state lives under CLUSTER_DIR (default ./data/cluster-local) and survives a restart. Any
# node's URL works (they share the database and Redis); docs/multi-node.md shows nginx in front.
# Ctrl-C stops the nodes, Redis and PostgreSQL.
#   CLUSTER_DIR  CLUSTER_NODES (3)  CLUSTER_FIRST_PORT (3101)  CLUSTER_PG_PORT (55432)  CLUSTER_REDIS_PORT (56379)
#   POSTGRES_BIN_DIR (default: the newest /usr/lib/postgresql/<version>/bin)
set -euo pipefail
cd "$(dirname "$0")/.."

CLUSTER_DIR="$(mkdir -p "${CLUSTER_DIR:-./data/cluster-local}" && cd "${CLUSTER_DIR:-./data/cluster-local}" && pwd)"
NODES="${CLUSTER_NODES:-3}"
FIRST_PORT="${CLUSTER_FIRST_PORT:-3101}"
PG_PORT="${CLUSTER_PG_PORT:-55432}"
REDIS_PORT="${CLUSTER_REDIS_PORT:-56379}"
PG_DATA="$CLUSTER_DIR/postgres"
UPLOADS="$CLUSTER_DIR/uploads"

fail() { echo "[cluster] $*" >&2; exit 1; }

if [ -n "${POSTGRES_BIN_DIR:-}" ]; then
  PG_BIN="$POSTGRES_BIN_DIR"
else
  PG_VERSION="$(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -1 || true)"
  [ -n "$PG_VERSION" ] || fail "no PostgreSQL found: install the Debian package 'postgresql' (or set POSTGRES_BIN_DIR)"
  PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
fi
[ -x "$PG_BIN/initdb" ] || fail "no initdb in $PG_BIN: install the Debian package 'postgresql'"
command -v redis-server >/dev/null || fail "no redis-server: install the Debian package 'redis-server'"
command -v redis-cli >/dev/null || fail "no redis-cli: install the Debian package 'redis-tools' (redis-server depends on it)"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || fail "running as root, but there is no 'postgres' system user to run PostgreSQL as (the Debian package 'postgresql' creates it)"
fi

# Something already listening would make a node look healthy, or Redis/PostgreSQL fail late.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PG_PORT" "$REDIS_PORT" $(seq "$FIRST_PORT" $((FIRST_PORT + NODES - 1))); do
  port_in_use "$port" || continue
  [ "$port" != "$PG_PORT" ] || [ ! -f "$PG_DATA/postmaster.pid" ] ||
    echo "[cluster] a PostgreSQL of $PG_DATA is still running; if no other cluster:local uses it, stop it:" \
      "$([ "$(id -u)" -ne 0 ] || echo 'runuser -u postgres -- ')$PG_BIN/pg_ctl -D $PG_DATA -m fast stop" >&2
  fail "port $port on 127.0.0.1 is already in use (another cluster:local? CLUSTER_PG_PORT, CLUSTER_REDIS_PORT, CLUSTER_FIRST_PORT choose others)"
done

# PostgreSQL refuses to run as root: then its commands run as the 'postgres' system user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

NODE_PIDS=()
REDIS_PID=""
PG_STARTED=""
# SIGTERM, then SIGKILL whatever is still there after 20 s, so a stuck node cannot keep the stop from
# reaching PostgreSQL.
any_alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}
stop_pids() {
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  for _ in $(seq 1 40); do
    any_alive "$@" || break
    sleep 0.5
  done
  kill -KILL "$@" 2>/dev/null || true
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}
stop_all() {
  # A second Ctrl-C (or npm forwarding the first one again) must not cut the stop short.
  trap '' INT TERM
  trap - EXIT
  echo "[cluster] stopping"
  stop_pids "${NODE_PIDS[@]}"
  [ -z "$REDIS_PID" ] || stop_pids "$REDIS_PID"
  [ -z "$PG_STARTED" ] || as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  echo "[cluster] stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# 1. PostgreSQL: a cluster of its own (created once), loopback only, durable (fsync on).
if [ "$(id -u)" -eq 0 ]; then
  # The server's log is written here, as postgres.
  chown postgres:postgres "$CLUSTER_DIR"
  runuser -u postgres -- test -w "$CLUSTER_DIR" ||
    fail "the 'postgres' user cannot reach $CLUSTER_DIR (a parent directory is closed to it): set CLUSTER_DIR elsewhere, e.g. /var/tmp/ecodispatch-cluster"
fi
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  echo "[cluster] creating a PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C >/dev/null
fi
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 &&
  fail "a PostgreSQL of $PG_DATA is already running (another cluster:local?)"
PG_STARTED=1 # set before the start: a server that came up late is still stopped
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$CLUSTER_DIR/postgres.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA" start >/dev/null ||
  fail "PostgreSQL did not start; see $CLUSTER_DIR/postgres.log"
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ecodispatch'" |
  grep -q 1 || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ecodispatch
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/ecodispatch"
echo "[cluster] PostgreSQL on 127.0.0.1:$PG_PORT"

# 2. Redis: a relay between the nodes, nothing to persist.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$CLUSTER_DIR" \
  >"$CLUSTER_DIR/redis.log" 2>&1 &
REDIS_PID=$!
for attempt in $(seq 1 50); do
  [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && break
  kill -0 "$REDIS_PID" 2>/dev/null || fail "redis-server exited; see $CLUSTER_DIR/redis.log"
  [ "$attempt" -lt 50 ] || fail "redis-server does not answer on 127.0.0.1:$REDIS_PORT; see $CLUSTER_DIR/redis.log"
  sleep 0.2
done
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
echo "[cluster] Redis on 127.0.0.1:$REDIS_PORT"

# 3. One production build for every node.
[ -f .next/BUILD_ID ] || { echo "[cluster] building Next once"; npm run build; }

# 4. The nodes: the first alone (it migrates and seeds the demo district), then the others.
mkdir -p "$UPLOADS"
start_node() {
  local index=$1 seed=$2 port=$((FIRST_PORT + $1 - 1))
  NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    UPLOAD_DIR="$UPLOADS" SEED_DEMO="$seed" NEXT_TELEMETRY_DISABLED=1 \
    node --import tsx server/index.ts >"$CLUSTER_DIR/node-$index.log" 2>&1 &
  NODE_PIDS+=($!)
}
wait_healthy() {
  local index=$1 port=$((FIRST_PORT + $1 - 1)) pid=${NODE_PIDS[$(($1 - 1))]}
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$CLUSTER_DIR/node-$index.log" >&2; fail "node $index (port $port) exited; see $CLUSTER_DIR/node-$index.log"; }
    sleep 0.5
  done
  fail "node $index (port $port) did not become healthy in 90 s; see $CLUSTER_DIR/node-$index.log"
}
start_node 1 1
wait_healthy 1
for index in $(seq 2 "$NODES"); do start_node "$index" 0; done
for index in $(seq 2 "$NODES"); do wait_healthy "$index"; done

echo "[cluster] $NODES nodes ready (logs in $CLUSTER_DIR):"
for index in $(seq 1 "$NODES"); do echo "  http://127.0.0.1:$((FIRST_PORT + index - 1))"; done
echo "[cluster] demo accounts as in the README (password ecodispatch); Ctrl-C stops everything"
wait "${NODE_PIDS[@]}"
