#!/usr/bin/env bash
# MetricsIT checks the alert rules and real scrapes with Prometheus's own promtool (Debian's prometheus package).
# Installs it when missing (as the machine's root user), or fails saying what to install. Never skips.
set -euo pipefail
if command -v promtool > /dev/null; then
  echo "[promtool] $(promtool --version 2>&1 | head -1)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "[promtool] installing Debian's prometheus (for its promtool) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends prometheus > /dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq --no-install-recommends prometheus > /dev/null; }
  echo "[promtool] $(promtool --version 2>&1 | head -1) installed"
  exit 0
fi
echo "[promtool] The metrics test needs promtool. Install it as root, on Debian: apt-get install prometheus" >&2
exit 1
