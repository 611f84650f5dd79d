#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its ChromeDriver. Installs both when they are missing (as the
# machine's root user, from Debian's packages), or fails saying what to install. Never skips: the tests need them.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "[browser] $(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/chromedriver --version | head -1)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "[browser] installing Debian's chromium and chromium-driver for the browser tests ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver > /dev/null
  echo "[browser] $(/usr/bin/chromium --version 2>/dev/null | head -1) installed"
  exit 0
fi
echo "[browser] The browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver." >&2
echo "[browser] Install them as root, on Debian: apt-get install chromium chromium-driver" >&2
exit 1
