#!/usr/bin/env bash
# ensure-debian-package.sh LABEL "CHECK" "PACKAGES" "WHAT NEEDS IT": when CHECK (a shell command) fails, installs Debian's
# PACKAGES as the machine's root user, or fails saying what to install. Never skips: the tests need them.
# (ensure-promtool.sh, ensure-postgresql.sh)
set -euo pipefail
label=$1 check=$2 packages=$3 needs=$4
if bash -c "$check" > /dev/null 2>&1; then
  echo "[$label] present"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "[$label] installing Debian's $packages ..."
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $packages > /dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq --no-install-recommends $packages > /dev/null; }
  bash -c "$check" > /dev/null 2>&1 || { echo "[$label] $packages installed, but still not found" >&2; exit 1; }
  echo "[$label] $packages installed"
  exit 0
fi
echo "[$label] $needs needs it. Install it as root, on Debian: apt-get install $packages" >&2
exit 1
