#!/usr/bin/env bash
# ClusterFaultsIT runs the services on a PostgreSQL server from Debian's own postgresql package (not the embedded one).
# Installs it when missing (as the machine's root user), or fails saying what to install. Never skips.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
  echo "[postgresql] $(ls -d /usr/lib/postgresql/*/bin/postgres | tail -1) ($("$(ls -d /usr/lib/postgresql/*/bin/postgres | tail -1)" --version))"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "[postgresql] installing Debian's postgresql ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends postgresql > /dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq --no-install-recommends postgresql > /dev/null; }
  echo "[postgresql] $(ls -d /usr/lib/postgresql/*/bin/postgres | tail -1) installed"
  exit 0
fi
echo "[postgresql] The cluster fault test needs Debian's PostgreSQL server. Install it as root: apt-get install postgresql" >&2
exit 1
