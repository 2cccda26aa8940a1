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

# PostgreSQL refuses to run as root: then its commands run as the 'postgres' system user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

NODE_PIDS=()
REDIS_PID=""
stop_all() {
  trap - INT TERM EXIT
  echo "[cluster] stopping"
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$REDIS_PID" ] && kill -TERM "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  echo "[cluster] stopped"
}
trap stop_all INT TERM EXIT

# 1. PostgreSQL: a cluster of its own (created once), loopback only, durable (fsync on).
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  echo "[cluster] creating a PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$CLUSTER_DIR"
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$CLUSTER_DIR/postgres.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA" start >/dev/null
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ecodispatch'" |
  grep -q 1 || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ecodispatch
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/ecodispatch"
echo "[cluster] PostgreSQL on 127.0.0.1:$PG_PORT"

# 2. Redis: a relay between the nodes, nothing to persist.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$CLUSTER_DIR" \
  >"$CLUSTER_DIR/redis.log" 2>&1 &
REDIS_PID=$!
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
  local port=$1
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  fail "node on port $port did not become healthy; see $CLUSTER_DIR/node-*.log"
}
start_node 1 1
wait_healthy "$FIRST_PORT"
for index in $(seq 2 "$NODES"); do start_node "$index" 0; done
for index in $(seq 2 "$NODES"); do wait_healthy $((FIRST_PORT + index - 1)); done

echo "[cluster] $NODES nodes ready (logs in $CLUSTER_DIR):"
for index in $(seq 1 "$NODES"); do echo "  http://127.0.0.1:$((FIRST_PORT + index - 1))"; done
echo "[cluster] demo accounts as in the README (password ecodispatch); Ctrl-C stops everything"
wait "${NODE_PIDS[@]}"
