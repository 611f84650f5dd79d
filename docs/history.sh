#!/usr/bin/env bash
# What the event log makes possible, through HTTP only, against a running ./run-local
# (see docs/history.md): an application as it stood at each step, its audit trail (JSON and CSV), the report as it
# stood at an instant, and a call replayed under other parameters.
# Usage: docs/history.sh [DATA_DIR]   (default .local; needs curl and jq)
set -euo pipefail
DATA=${1:-.local}
CORE=http://127.0.0.1:${GV_CORE_PORT:-8080}
prop() { grep "^$1=" "$DATA/credentials.properties" | cut -d= -f2-; }
token() { curl -sf -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
get() { curl -s "$1" -H "Authorization: Bearer $2"; }
step() { printf '\n== %s\n' "$*"; }
MANAGER=$(token manager "$(prop manager.password)")

step "a completed application (docs/walkthrough.sh makes one if there is none yet), and its timeline"
APP=$(get "$CORE/api/applications?status=COMPLETED&size=1" "$MANAGER" | jq -r '.items[0].id // empty')
if [ -z "$APP" ]; then
  "$(dirname "$0")/walkthrough.sh" "$DATA" > /dev/null
  APP=$(get "$CORE/api/applications?status=COMPLETED&size=1" "$MANAGER" | jq -r '.items[0].id')
fi
get "$CORE/api/applications/$APP" "$MANAGER" | jq -c '{trackingCode, status, timeline: [.timeline[] | {status, at}]}'

step "time travel: the application as it stood right after each step (GET ?asOf=)"
for AT in $(get "$CORE/api/applications/$APP" "$MANAGER" | jq -r '.timeline[].at'); do
  get "$CORE/api/applications/$APP?asOf=$AT" "$MANAGER" | jq -c "{asOf: \"$AT\", status, voucher, steps: (.timeline | length)}"
done
FIRST=$(get "$CORE/api/applications/$APP" "$MANAGER" | jq -r '.timeline[0].at')
BEFORE=$(date -u -d "$FIRST - 1 second" +%Y-%m-%dT%H:%M:%SZ)
echo "before it was submitted ($BEFORE): HTTP $(curl -s -o /dev/null -w '%{http_code}' "$CORE/api/applications/$APP?asOf=$BEFORE" -H "Authorization: Bearer $MANAGER")"

step "the audit trail: who, when, why, the rules, and the inputs of each step's moment"
get "$CORE/api/applications/$APP/audit" "$MANAGER" | jq -c '.entries[] | {sequence, event, at, by: (.byName // .by), why, ruleCodes,
  failedAutoChecks: [.autoChecks[] | select(.passed | not) | .rule], call: .call.name, providerListVersion: .providerList.version}'
step "the same as CSV"
curl -s "$CORE/api/applications/$APP/audit" -H "Authorization: Bearer $MANAGER" -H 'Accept: text/csv' | head -4

step "the report as it was known at the first step, and now"
get "$CORE/api/reports/throughput?asOf=$FIRST" "$MANAGER" | jq -c '{asOf: "'"$FIRST"'", funnel, countsByStatus}'
get "$CORE/api/reports/throughput" "$MANAGER" | jq -c '{now: true, funnel, countsByStatus}'

step "what-if: the demo call replayed with half its budget and a smaller maximum voucher (writes nothing)"
CALL=$(get "$CORE/api/calls" "$MANAGER" | jq -r '.[0].id')
BUDGET=$(get "$CORE/api/calls" "$MANAGER" | jq -r '.[0].budgetEur')
curl -s -X POST "$CORE/api/reports/what-if" -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
  -d "{\"callId\":\"$CALL\",\"budgetEur\":$(jq -n "$BUDGET / 2"),\"maxVoucherEur\":12000,\"completionMonths\":3}" \
  | jq -c '{callName, writesNothing, approved, wouldFit, refusedByS4: (.refusedByS4 | length), refusedByL4: (.refusedByL4 | length),
            wouldHaveExpired: (.wouldHaveExpired | length), committedEur, paidEur}'
