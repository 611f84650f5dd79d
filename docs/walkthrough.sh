#!/usr/bin/env bash
# The whole lifecycle through HTTP only, against a running ./run-local (see docs/walkthrough.md).
# Usage: docs/walkthrough.sh [DATA_DIR]   (default .local; needs curl and jq)
set -euo pipefail
DATA=${1:-.local}
CORE=http://127.0.0.1:${GV_CORE_PORT:-8080}
EVAL=http://127.0.0.1:${GV_EVALUATION_PORT:-8081}
NOTE=http://127.0.0.1:${GV_NOTIFICATION_PORT:-8082}
prop() { grep "^$1=" "$DATA/credentials.properties" | cut -d= -f2-; }
token() { curl -sf -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
post() { if [ -n "$2" ]; then set -- "$1" "$3" -H "Authorization: Bearer $2"; else set -- "$1" "$3"; fi
  local url=$1 body=$2; shift 2; curl -s -X POST "$url" -H 'Content-Type: application/json' "$@" -d "$body"; }
get() { curl -s "$1" -H "Authorization: Bearer $2"; }
wait_for() { for _ in $(seq 1 300); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 0.1; done; echo "timed out: $1" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

step "sign up a new applicant (Serbian), confirm the address with the mailed link, get a token"
EMAIL="marija.$RANDOM@example.rs"
post "$CORE/api/accounts/applicants" "" "{\"email\":\"$EMAIL\",\"password\":\"zelena-energija-2026\",\"fullName\":\"Marija Nikolić\",\"preferredLanguage\":\"sr\"}" | jq -c .
MAIL=http://127.0.0.1:${GV_SMTP_WEB_PORT:-3026}
# the newest mail to $EMAIL on the mail catcher's page (one <article> per mail), and the link in it
# (the mail links to the portal's confirmation page; this script confirms through the API with the same secret)
link() { curl -s "$MAIL" | tr '\n' ' ' | sed 's#</article>#\n#g' | grep -F "$EMAIL" | grep -oE '(confirm-email|email-verification)\?token=[A-Za-z0-9_-]*' | head -1 | sed "s#^.*token=#$CORE/api/accounts/email-verification?token=#"; }
wait_for "[ -n \"\$(link)\" ]"
curl -s "$(link)" | jq -c '{username, emailVerified}'
APPLICANT=$(token "$EMAIL" zelena-energija-2026)
EVALUATOR=$(token evaluator "$(prop evaluator.password)")
EVALUATOR2=$(token evaluator2 "$(prop evaluator2.password)")
MANAGER=$(token manager "$(prop manager.password)")

step "submit (201 with a tracking code)"
# a valid MB (weights 2,7,6,5,4,3,2; remainder 1 has no check digit)
while :; do
  D=$(printf '%07d' $((RANDOM * 32768 % 10000000 + RANDOM % 10000000 ))); D=${D: -7}; SUM=0; W=(2 7 6 5 4 3 2)
  for i in 0 1 2 3 4 5 6; do SUM=$((SUM + ${D:$i:1} * ${W[$i]})); done
  R=$((SUM % 11)); if [ $R -ne 1 ]; then MB="$D$(( R == 0 ? 0 : 11 - R ))"; break; fi
done
BODY=$(cat <<JSON
{"enterprise":{"mb":"$MB","pib":"101134702","name":"Drvo Kraljevo d.o.o.","address":"Karađorđeva 7, 36000 Kraljevo",
  "region":"Šumadija and Western Serbia","naceCode":"16.10","registeredOn":"2011-06-01","ownership":"PRIVATE_DOMESTIC",
  "employees":64,"annualTurnoverEur":5200000,"totalAssetsEur":3900000,"greenRole":"END_USER",
  "contactName":"Marija Nikolić","contactEmail":"$EMAIL"},
 "project":{"title":"Sušara za drvo na biomasu","description":"Drying kiln heated with sawdust instead of heating oil.",
  "services":[{"type":"TESTING","description":"Energy tests of the kiln prototype","costEur":15000}],
  "plannedStart":"2027-03-01",
  "environmentalIndicators":[{"indicator":"CO2_REDUCED","unit":"tCO2e/year","baseline":410,"target":95}],
  "requestedVoucherEur":13500},
 "providerCodes":["12","30"],
 "declarations":{"noAffiliation":true,"noLegalProceedings":true,"serviceNotStarted":true,"canCoFinance":true}}
JSON
)
SUBMITTED=$(post "$CORE/api/applications" "$APPLICANT" "$BODY")
echo "$SUBMITTED" | jq -c .
ID=$(echo "$SUBMITTED" | jq -r .id)

step "the same enterprise again: 409 ONE_VOUCHER_PER_ENTERPRISE (L1)"
post "$CORE/api/applications" "$APPLICANT" "$BODY" | jq -c '{status, code, ruleCodes}'
step "a bad MB: 400 VALIDATION_FAILED naming the field"
post "$CORE/api/applications" "$APPLICANT" "${BODY/\"mb\":\"$MB\"/\"mb\":\"20084690\"}" | jq -c '{status, code, errors}'

step "the item reaches the evaluators' queue, with its auto-checks"
wait_for "get '$EVAL/api/queue?stage=SCREENING' '$EVALUATOR' | jq -e '.[] | select(.applicationId == \"$ID\")'"
get "$EVAL/api/queue?stage=SCREENING" "$EVALUATOR" | jq -c ".[] | select(.applicationId == \"$ID\") | {trackingCode, stage, autoChecks: [.autoChecks[] | {rule, passed}]}"

step "claim, screen, match; another evaluator approves (four eyes)"
post "$EVAL/api/work-items/$ID/claim" "$EVALUATOR" "" | jq -c '{assignee, stage}'
post "$EVAL/api/applications/$ID/screening" "$EVALUATOR" '{"outcome":"PASS","checks":[{"rule":"E2","passed":true,"note":""},{"rule":"E6","passed":true,"note":""}],"noteToApplicant":"Prijava ispunjava uslove."}' | jq -c .
wait_for "get '$EVAL/api/queue?stage=PROVIDER_MATCHING' '$EVALUATOR' | jq -e '.[] | select(.applicationId == \"$ID\")'"
post "$EVAL/api/work-items/$ID/claim" "$EVALUATOR" "" | jq -c '{assignee, stage}'
post "$EVAL/api/applications/$ID/provider-match" "$EVALUATOR" '{"providerCodes":["12"],"note":"Laboratorija TMF-a"}' | jq -c .
wait_for "get '$EVAL/api/queue?stage=COMMITTEE' '$EVALUATOR' | jq -e '.[] | select(.applicationId == \"$ID\")'"
post "$EVAL/api/work-items/$ID/claim" "$EVALUATOR2" "" | jq -c '{assigneeName, stage}'
post "$EVAL/api/applications/$ID/decision" "$EVALUATOR2" '{"decision":"APPROVE","voucherAmountEur":13500,"scores":{"resourceEfficiency":5,"scalability":4,"innovation":4},"reason":"Velika ušteda emisija."}' | jq -c .
wait_for "get '$CORE/api/applications/$ID' '$APPLICANT' | jq -e 'select(.status == \"APPROVED\")'"

step "the applicant reports completion; the evaluator verifies"
curl -s -o /dev/null -w 'completion-report: %{http_code}\n' -X POST "$CORE/api/applications/$ID/completion-report" -H "Authorization: Bearer $APPLICANT" \
  -H 'Content-Type: application/json' -d '{"summary":"Sušara radi na biomasu.","deliverables":["Prototip sušare","Izveštaj o merenju"],"invoicedEur":15000,"environmentalResults":[{"indicator":"CO2_REDUCED","unit":"tCO2e/year","value":102}]}'
wait_for "get '$EVAL/api/queue?stage=COMPLETION_VERIFICATION' '$EVALUATOR' | jq -e '.[] | select(.applicationId == \"$ID\")'"
post "$EVAL/api/work-items/$ID/claim" "$EVALUATOR" "" | jq -c '{assignee, stage}'
post "$EVAL/api/applications/$ID/completion-verification" "$EVALUATOR" '{"accepted":true,"note":"Računi i merenja su uredni."}' | jq -c .
wait_for "get '$CORE/api/applications/$ID' '$APPLICANT' | jq -e 'select(.status == \"COMPLETED\")'"

step "what the applicant sees: COMPLETED with the full timeline"
get "$CORE/api/applications/$ID" "$APPLICANT" | jq -c '{trackingCode, status, voucher, timeline: [.timeline[] | {status, note}]}'

step "the applicant's notifications (and the mails at http://127.0.0.1:${GV_SMTP_WEB_PORT:-3026})"
wait_for "get '$NOTE/api/notifications' '$APPLICANT' | jq -e 'length == 5'"
get "$NOTE/api/notifications" "$APPLICANT" | jq -c '[.[] | {kind, subject, status}]'

step "the manager's report"
get "$CORE/api/reports/throughput" "$MANAGER" | jq -c '{countsByStatus, funnel}'

step "the demo winery (NACE 11.02) fails E6; the evaluator rejects it at screening, the applicant sees the rule"
WINERY=$(get "$EVAL/api/queue?stage=SCREENING" "$EVALUATOR" | jq -r '.[] | select(.enterpriseName | startswith("Vinarija")) | .applicationId' | head -1)
if [ -n "$WINERY" ]; then
  get "$EVAL/api/queue?stage=SCREENING" "$EVALUATOR" | jq -c ".[] | select(.applicationId == \"$WINERY\") | .autoChecks[] | select(.rule == \"E6\")"
  post "$EVAL/api/work-items/$WINERY/claim" "$EVALUATOR" "" | jq -c '{assignee, stage}'
  post "$EVAL/api/applications/$WINERY/screening" "$EVALUATOR" '{"outcome":"FAIL","checks":[{"rule":"E6","passed":false,"note":"Proizvodnja vina"}],"noteToApplicant":"Proizvodnja vina je isključena iz programa."}' | jq -c .
  ANA=$(token ana.petrovic@example.rs "$(prop applicant.password)")
  wait_for "get '$CORE/api/applications/$WINERY' '$ANA' | jq -e 'select(.status == \"REJECTED\")'"
  get "$CORE/api/applications/$WINERY" "$ANA" | jq -c '{trackingCode, status, rejection}'
fi

step "John withdraws his application"
JOHN=$(token john.smith@example.com "$(prop applicant2.password)")
JOHNS=$(get "$CORE/api/applications?status=SUBMITTED" "$JOHN" | jq -r '.items[0].id // empty')
if [ -n "$JOHNS" ]; then
  post "$CORE/api/applications/$JOHNS/withdraw" "$JOHN" '{"reason":"We found another way to finance it."}' | jq -c .
  post "$CORE/api/applications/$JOHNS/withdraw" "$JOHN" '{}' | jq -c '{status, code, currentStatus}'
fi
