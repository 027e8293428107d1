#!/usr/bin/env bash
# PostgreSQL's server programs (initdb, pg_ctl, postgres) for the team-mode tests (issue 19): each test
# run starts its own throw-away server from them (tests/pg_server.py), nothing is configured system-wide.
# Installed from Debian's `postgresql` package when missing, so `make test` on a fresh machine needs
# nothing done by hand. Debian keeps them in /usr/lib/postgresql/N/bin, off PATH.
set -euo pipefail
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  exit 0
fi
for bin in /usr/lib/postgresql/*/bin; do
  if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
    exit 0
  fi
done
if ! command -v apt-get >/dev/null; then
  echo "PostgreSQL (initdb, pg_ctl) is needed by the team-mode tests; install it with your package manager" >&2
  exit 0  # the tests that need it say so and skip (outside CI, where they fail instead)
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# The package's own cluster is not used by the tests; it is left as Debian sets it up.
$SUDO apt-get install -y -q --no-install-recommends postgresql
