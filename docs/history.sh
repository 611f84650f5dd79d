#!/usr/bin/env bash
# What the event log makes possible, through HTTP only, against a running ./run-local
# (see docs/history.md): an application as it stood at each step, its audit trail (JSON and CSV), the report as it
# stood at an instant, a call replayed under other parameters, and an applicant erased by deleting a key.
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

step "corrections: the demo winery's screening rejection is found wrong; one ADMIN proposes, the same one cannot confirm"
ADMIN=$(token "$(prop admin.username)" "$(prop admin.password)")
WINERY=""
for ID in $(get "$CORE/api/applications?status=REJECTED&size=50" "$MANAGER" | jq -r '.items[].id'); do
  if [ "$(get "$CORE/api/applications/$ID" "$MANAGER" | jq -r '.rejection.stage')" = SCREENING ]; then WINERY=$ID; break; fi
done
if [ -n "$WINERY" ]; then
  SECOND="admin-$RANDOM"; SECOND_PASSWORD="druga-$RANDOM-$RANDOM-lozinka"
  curl -s -X POST "$CORE/api/accounts/staff" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$SECOND\",\"password\":\"$SECOND_PASSWORD\",\"fullName\":\"Vesna Marković\",\"role\":\"ADMIN\"}" > /dev/null
  ADMIN2=$(token "$SECOND" "$SECOND_PASSWORD")
  C=$(curl -s -X POST "$CORE/api/applications/$WINERY/corrections" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"stage":"SCREENING","reason":"The activity is 22.22 (plastics), not 11.02; typed wrongly."}' | jq -r .correctionId)
  get "$CORE/api/applications/$WINERY/audit" "$MANAGER" | jq -c '.pendingCorrection | {stage, kind, reason}'
  curl -s -X POST "$CORE/api/applications/$WINERY/corrections/$C/confirm" -H "Authorization: Bearer $ADMIN" | jq -c '{status, code, detail}'
  step "a second ADMIN confirms: the application is back after screening, nothing was edited"
  curl -s -X POST "$CORE/api/applications/$WINERY/corrections/$C/confirm" -H "Authorization: Bearer $ADMIN2" | jq -c .
  for _ in $(seq 1 100); do [ "$(get "$CORE/api/applications/$WINERY" "$MANAGER" | jq -r .status)" = "SCREENED" ] && break; sleep 0.1; done
  get "$CORE/api/applications/$WINERY" "$MANAGER" | jq -c '{status, rejection, lastStep: .timeline[-1].note}'
  get "$CORE/api/applications/$WINERY/audit" "$MANAGER" | jq -c '.entries[-3:][] | {event, by: (.byName // .by), why, ruleCodes}'
else
  echo "(no application rejected at screening: run docs/walkthrough.sh once)"
fi

step "erasure: a new applicant submits (personal texts sealed in the event store and on Kafka), then withdraws"
EMAIL="zorana.$RANDOM@example.rs"
curl -s -X POST "$CORE/api/accounts/applicants" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"zaboravi-me-2026\",\"fullName\":\"Zorana Brisić\",\"preferredLanguage\":\"sr\"}" > /dev/null
MAIL=http://127.0.0.1:${GV_SMTP_WEB_PORT:-3026}
link() { curl -s "$MAIL" | tr '\n' ' ' | sed 's#</article>#\n#g' | grep -F "$EMAIL" | grep -oE '(confirm-email|email-verification)\?token=[A-Za-z0-9_-]*' | head -1 | sed "s#^.*token=#$CORE/api/accounts/email-verification?token=#"; }
for _ in $(seq 1 300); do [ -n "$(link)" ] && break; sleep 0.1; done
curl -s "$(link)" > /dev/null
ZORANA=$(token "$EMAIL" zaboravi-me-2026)
ACCOUNT=$(get "$CORE/api/accounts/me" "$ZORANA" | jq -r .id)
# a registration number (MB) with a valid check digit, new to the scheme
mb() { while :; do local d=() s=0 w=(2 7 6 5 4 3 2); for i in 0 1 2 3 4 5 6; do d[i]=$((RANDOM % 10)); s=$((s + d[i] * w[i])); done
  local r=$((s % 11)); [ $r -eq 1 ] && continue; printf '%s' "${d[@]}"; echo $(( r == 0 ? 0 : 11 - r )); return; done; }
FORM=$(get "$CORE/api/applications/$APP" "$MANAGER" | jq -c --arg mb "$(mb)" \
  '{enterprise: (.enterprise | .mb = $mb | .name = "Zaborav d.o.o." | .contactName = "Zorana Brisić"),
    project: (.project | .plannedStart = (now + 86400 * 60 | strftime("%Y-%m-%d"))), providerCodes, declarations}')
Z_APP=$(curl -s -X POST "$CORE/api/applications" -H "Authorization: Bearer $ZORANA" -H 'Content-Type: application/json' -d "$FORM" | jq -r .id)
echo "submitted $Z_APP"
for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$CORE/api/applications/$Z_APP" -H "Authorization: Bearer $MANAGER")" = 200 ] && break; sleep 0.1; done
get "$CORE/api/applications/$Z_APP" "$MANAGER" | jq -c '{status, enterprise: .enterprise.name, contact: .enterprise.contactName}'
echo "erasure while it is under way: $(curl -s -X POST "$CORE/api/accounts/$ACCOUNT/erasure" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"reason":"Zahtev 17/2026"}' | jq -c '{status, code, detail}')"
curl -s -X POST "$CORE/api/applications/$Z_APP/withdraw" -H "Authorization: Bearer $ZORANA" -H 'Content-Type: application/json' \
  -d '{"reason":"Selim se u inostranstvo."}' | jq -c .

step "the ADMIN erases her on request: the key is deleted, the events stay"
curl -s -X POST "$CORE/api/accounts/$ACCOUNT/erasure" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"reason":"Zahtev 17/2026"}' | jq -c .
for _ in $(seq 1 100); do [ "$(get "$CORE/api/applications/$Z_APP" "$MANAGER" | jq -r '.timeline | length')" = 3 ] && break; sleep 0.1; done
get "$CORE/api/applications/$Z_APP" "$MANAGER" | jq -c '{status, enterprise: .enterprise.name, contact: .enterprise.contactName,
  mb: .enterprise.mb, lastStep: .timeline[-1].note}'
get "$CORE/api/applications/$Z_APP/audit" "$MANAGER" | jq -c '.entries[] | {event, by: (.byName // .by), why}'
echo "signing in as her: HTTP $(curl -s -o /dev/null -w '%{http_code}' -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$EMAIL\",\"password\":\"zaboravi-me-2026\"}")"
