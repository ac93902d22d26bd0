#!/bin/sh
# Starts a throwaway PostgreSQL cluster for the registry's `postgres` test profile and prints the
# JDBC URL to use as ASSAY_TEST_POSTGRES_URL.
#
#   eval "$(scripts/ci/postgres.sh)"     # exports ASSAY_TEST_POSTGRES_URL
#   mvn -B -Ppostgres -pl assay-registry -am verify
#   scripts/ci/postgres.sh stop
#
# Environment: ASSAY_PG_DIR (cluster folder, default /tmp/assay-pg), ASSAY_PG_PORT (default 55432).
# Installs Debian's postgresql package when no server binaries are found (needs root).
set -eu

DIR=${ASSAY_PG_DIR:-/tmp/assay-pg}
PORT=${ASSAY_PG_PORT:-55432}

bin_dir() {
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ]; then echo "$d"; fi
    done | sort -V | tail -n 1
}

BIN=$(bin_dir)
if [ -z "$BIN" ]; then
    echo "installing postgresql" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN=$(bin_dir)
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

if [ "${1:-start}" = stop ]; then
    as_owner "$BIN/pg_ctl -D $DIR -m fast stop" >&2
    exit 0
fi

if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
    as_owner "$BIN/initdb -D $DIR -U assay --auth=trust" >/dev/null
fi
if ! as_owner "$BIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
    as_owner "$BIN/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $DIR/server.log -w start" >&2
fi
as_owner "$BIN/psql -h /tmp -p $PORT -U assay -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='assay_test'\"" \
    | grep -q 1 || as_owner "$BIN/createdb -h /tmp -p $PORT -U assay assay_test"

echo "export ASSAY_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$PORT/assay_test?user=assay'"
