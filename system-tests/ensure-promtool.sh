#!/usr/bin/env bash
# MetricsIT checks the alert rules and real scrapes with Prometheus's own promtool (Debian's prometheus package).
exec bash "$(dirname "$0")/ensure-debian-package.sh" promtool "command -v promtool" prometheus "The metrics test"
