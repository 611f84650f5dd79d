#!/usr/bin/env bash
# ClusterFaultsIT runs the services on a PostgreSQL server from Debian's own postgresql package (not the embedded one).
exec bash "$(dirname "$0")/ensure-debian-package.sh" postgresql "ls /usr/lib/postgresql/*/bin/postgres" postgresql \
  "The production topology's test (ClusterFaultsIT)"
