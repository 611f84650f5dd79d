#!/usr/bin/env bash
# Issue 10 on a running ./run-local: each security promise shown with curl (needs curl and jq).
# Usage: docs/security.sh [DATA_DIR]   (default .local)
# It signs up a few accounts and makes one evaluator account lock itself; run it at most once an hour
# (sign-ups are limited to 20 per address and hour; GV_THROTTLE_SIGN_UP_PER_ADDRESS=200/PT1H ./run-local allows more).
set -euo pipefail
DATA=${1:-.local}
CORE=http://127.0.0.1:${GV_CORE_PORT:-8080}
EVAL=http://127.0.0.1:${GV_EVALUATION_PORT:-8081}
MAIL=http://127.0.0.1:${GV_SMTP_WEB_PORT:-3026}
prop() { grep "^$1=" "$DATA/credentials.properties" | cut -d= -f2-; }
json() { curl -s -X POST "$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
token() { json "$CORE/api/auth/token" "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
step() { printf '\n== %s\n' "$*"; }
wait_for() { for _ in $(seq 1 300); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 0.1; done; echo "timed out: $1" >&2; exit 1; }
ADMIN=$(token "$(prop admin.username)" "$(prop admin.password)")

step "a password of 40 × č (80 bytes, over bcrypt's 72): 400 naming the field, not 500"
json "$CORE/api/accounts/applicants" "{\"email\":\"c.$RANDOM@example.rs\",\"password\":\"$(printf 'č%.0s' $(seq 40))\",\"fullName\":\"Č\",\"preferredLanguage\":\"sr\"}" \
  | jq -c '{status, code, errors}'

step "sign up; a submission before the address is confirmed: 403 EMAIL_NOT_VERIFIED"
EMAIL="vera.$RANDOM@example.rs"
json "$CORE/api/accounts/applicants" "{\"email\":\"$EMAIL\",\"password\":\"zelena-energija-2026\",\"fullName\":\"Vera Jovanović\",\"preferredLanguage\":\"sr\"}" | jq -c .
SIGNIN=$(json "$CORE/api/auth/token" "{\"username\":\"$EMAIL\",\"password\":\"zelena-energija-2026\"}")
echo "$SIGNIN" | jq -c '{expiresIn, refreshExpiresIn, refreshToken: (.refreshToken | .[0:8] + "…")}'
VERA=$(echo "$SIGNIN" | jq -r .accessToken)
while :; do  # a valid MB (weights 2,7,6,5,4,3,2; remainder 1 has no check digit)
  D=$(printf '%07d' $(( (RANDOM * 32768 + RANDOM) % 10000000 ))); SUM=0; W=(2 7 6 5 4 3 2)
  for i in 0 1 2 3 4 5 6; do SUM=$((SUM + ${D:$i:1} * ${W[$i]})); done
  R=$((SUM % 11)); if [ $R -ne 1 ]; then MB="$D$(( R == 0 ? 0 : 11 - R ))"; break; fi
done
FORM="{\"enterprise\":{\"mb\":\"$MB\",\"pib\":\"101134702\",\"name\":\"Vera Eko d.o.o.\",\"address\":\"Knez Mihailova 1, Beograd\",
 \"region\":\"Belgrade\",\"naceCode\":\"22.22\",\"registeredOn\":\"2015-03-01\",\"ownership\":\"PRIVATE_DOMESTIC\",\"employees\":12,
 \"annualTurnoverEur\":900000,\"totalAssetsEur\":700000,\"greenRole\":\"END_USER\",\"contactName\":\"Vera\",\"contactEmail\":\"$EMAIL\"},
 \"project\":{\"title\":\"Reciklaža\",\"description\":\"Linija za reciklažu.\",\"services\":[{\"type\":\"TESTING\",\"description\":\"Testovi\",
 \"costEur\":10000}],\"plannedStart\":\"2027-03-01\",\"environmentalIndicators\":[{\"indicator\":\"WASTE_REDUCED\",\"unit\":\"t/year\",
 \"baseline\":50,\"target\":20}],\"requestedVoucherEur\":9000},\"providerCodes\":[\"12\"],
 \"declarations\":{\"noAffiliation\":true,\"noLegalProceedings\":true,\"serviceNotStarted\":true,\"canCoFinance\":true}}"
json "$CORE/api/applications" "$FORM" "$VERA" | jq -c '{status, code}'
# the newest mail to $EMAIL on the mail catcher's page (one <article> per mail), and the link in it
# (the mail links to the portal's confirmation page; this script confirms through the API with the same secret)
link() { curl -s "$MAIL" | tr '\n' ' ' | sed 's#</article>#\n#g' | grep -F "$EMAIL" | grep -oE '(confirm-email|email-verification)\?token=[A-Za-z0-9_-]*' | head -1 | sed "s#^.*token=#$CORE/api/accounts/email-verification?token=#"; }
wait_for "[ -n \"\$(link)\" ]"
echo "mailed link: $(link | cut -c1-70)…"
curl -s "$(link)" | jq -c '{username, emailVerified}'
echo "the same link again:"; curl -s "$(link)" | jq -c '{status, code}'
SUBMITTED=$(json "$CORE/api/applications" "$FORM" "$VERA")
echo "submitted now: $(echo "$SUBMITTED" | jq -c '{status, trackingCode}')"
VERAS=$(echo "$SUBMITTED" | jq -r .id)

step "refresh tokens are used once; a reused one revokes the whole sign-in"
REFRESH=$(echo "$SIGNIN" | jq -r .refreshToken)
NEXT=$(json "$CORE/api/auth/refresh" "{\"refreshToken\":\"$REFRESH\"}" | jq -r .refreshToken)
echo "first use: new refresh token ${NEXT:0:8}…"
json "$CORE/api/auth/refresh" "{\"refreshToken\":\"$REFRESH\"}" | jq -c '{status, code}'
json "$CORE/api/auth/refresh" "{\"refreshToken\":\"$NEXT\"}" | jq -c '{status, code}'

step "another applicant's application: 404 at once, like an id that does not exist"
ANA=$(token ana.petrovic@example.rs "$(prop applicant.password)")
ANAS=$(curl -s "$CORE/api/applications" -H "Authorization: Bearer $ANA" | jq -r '.items[0].id')
curl -s -o /dev/null -w "someone else's: %{http_code} in %{time_total}s\n" "$CORE/api/applications/$ANAS" -H "Authorization: Bearer $VERA"
curl -s -o /dev/null -w "no such id:     %{http_code} in %{time_total}s\n" "$CORE/api/applications/00000000-0000-0000-0000-000000000000" -H "Authorization: Bearer $VERA"

step "ten wrong passwords lock sign-in for 15 minutes (checked before any hashing) and mail the owner"
USER="lock.$RANDOM"
json "$CORE/api/accounts/staff" "{\"username\":\"$USER\",\"password\":\"evaluator-password-1\",\"fullName\":\"Lena Lukić\",\"role\":\"EVALUATOR\",\"email\":\"$USER@greenvoucher.rs\"}" "$ADMIN" | jq -c .
for i in $(seq 1 10); do status -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$USER\",\"password\":\"wrong-$i\"}"; echo -n ' '; done; echo
curl -s -D - -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$USER\",\"password\":\"evaluator-password-1\"}" \
  | grep -iE '^(HTTP|retry-after)|"code"' | tr -d '\r'
wait_for "curl -s '$MAIL' | grep -q '$USER@greenvoucher.rs'"
echo "the owner's mail: $(curl -s "$MAIL" | grep -o 'Prijava na nalog je privremeno zaključana[^<]*' | head -1)"
LOCKED_ID=$(curl -s "$CORE/api/accounts?role=EVALUATOR" -H "Authorization: Bearer $ADMIN" | jq -r ".[] | select(.username == \"$USER\") | .id")
echo "an ADMIN lifts the lock: $(status -X POST "$CORE/api/accounts/$LOCKED_ID/unlock" -H "Authorization: Bearer $ADMIN")"
echo "sign-in again: $(status -X POST "$CORE/api/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$USER\",\"password\":\"evaluator-password-1\"}")"

step "an ADMIN disables an account: its token stops working on every service within seconds"
LENA=$(token "$USER" evaluator-password-1)
echo "before: evaluation $(status "$EVAL/api/queue" -H "Authorization: Bearer $LENA")"
json "$CORE/api/accounts/$LOCKED_ID/disable" '' "$ADMIN" | jq -c '{username, disabled}'
wait_for "[ \$(status '$EVAL/api/queue' -H 'Authorization: Bearer $LENA') = 401 ]"
echo "after:  evaluation $(status "$EVAL/api/queue" -H "Authorization: Bearer $LENA"), core $(status "$CORE/api/accounts/me" -H "Authorization: Bearer $LENA")"
json "$CORE/api/auth/token" "{\"username\":\"$USER\",\"password\":\"evaluator-password-1\"}" | jq -c '{status, code}'
json "$CORE/api/accounts/$LOCKED_ID/enable" '' "$ADMIN" | jq -c '{username, disabled}'

step "four eyes: a decision needs a claim, and the evaluator who screened cannot take the committee decision"
EVALUATOR=$(token evaluator "$(prop evaluator.password)")
MANAGER=$(token manager "$(prop manager.password)")
wait_for "[ \$(status '$EVAL/api/work-items/$VERAS' -H 'Authorization: Bearer $EVALUATOR') = 200 ]"
echo "unclaimed: $(json "$EVAL/api/applications/$VERAS/screening" '{"outcome":"PASS","checks":[]}' "$EVALUATOR" | jq -r .code)"
json "$EVAL/api/work-items/$VERAS/claim" '' "$EVALUATOR" > /dev/null
json "$EVAL/api/applications/$VERAS/screening" '{"outcome":"PASS","checks":[]}' "$EVALUATOR" | jq -c .
wait_for "curl -s '$EVAL/api/work-items/$VERAS' -H 'Authorization: Bearer $EVALUATOR' | jq -e '.item.stage == \"PROVIDER_MATCHING\"'"
json "$EVAL/api/work-items/$VERAS/claim" '' "$EVALUATOR" > /dev/null
json "$EVAL/api/applications/$VERAS/provider-match" '{"providerCodes":["12"]}' "$EVALUATOR" | jq -c .
wait_for "curl -s '$EVAL/api/work-items/$VERAS' -H 'Authorization: Bearer $EVALUATOR' | jq -e '.item.stage == \"COMMITTEE\"'"
json "$EVAL/api/work-items/$VERAS/claim" '' "$EVALUATOR" > /dev/null
json "$EVAL/api/applications/$VERAS/decision" '{"decision":"REJECT","scores":{"resourceEfficiency":1,"scalability":1,"innovation":1}}' "$EVALUATOR" \
  | jq -c '{status, code, detail}'
json "$EVAL/api/work-items/$VERAS/release" '' "$EVALUATOR" > /dev/null
echo "a manager reads the item: $(status "$EVAL/api/work-items/$VERAS" -H "Authorization: Bearer $MANAGER"), but cannot claim it: $(status -X POST "$EVAL/api/work-items/$VERAS/claim" -H "Authorization: Bearer $MANAGER")"

step "health: anonymous callers see UP or DOWN; an ADMIN sees the components"
curl -s "$CORE/actuator/health" | jq -c .
curl -s "$CORE/actuator/health" -H "Authorization: Bearer $ADMIN" | jq -c '{status, components: (.components | keys)}'
curl -s "$CORE/actuator/health/readiness" -H "Authorization: Bearer $ADMIN" | jq -c '{status, components: (.components | keys)}'

step "refusals before Spring MVC are problem+json too"
curl -s --path-as-is "$CORE/api/applications/..%2F..%2Fetc%2Fpasswd" | jq -c '{status, code}'
curl -s --path-as-is "$CORE/api/applications/../../etc/passwd" | jq -c '{status, code}'
curl -s "$CORE/api/applications;jsessionid=x" | jq -c '{status, code}'

step "a token from another issuer or with a forged signature: 401"
FORGED="$(echo "$ADMIN" | cut -d. -f1-2).c2lnbmF0dXJl"
echo "forged: $(status "$CORE/api/accounts" -H "Authorization: Bearer $FORGED"), evaluation: $(status "$EVAL/api/queue" -H "Authorization: Bearer $FORGED")"

step "throttling: 429 with Retry-After once an address exceeds a limit (here: sign-ups, GV_THROTTLE_SIGN_UP_PER_ADDRESS, 20 per hour)"
for i in $(seq 1 25); do
  CODE=$(status -X POST "$CORE/api/accounts/applicants" -H 'Content-Type: application/json' \
    -d "{\"email\":\"t.$RANDOM$i@example.rs\",\"password\":\"zelena-energija-2026\",\"fullName\":\"T\",\"preferredLanguage\":\"en\"}")
  echo -n "$CODE "; [ "$CODE" = 429 ] && break
done; echo
curl -s -D - -X POST "$CORE/api/accounts/applicants" -H 'Content-Type: application/json' -d '{}' | grep -iE '^(HTTP|retry-after)|"code"' | tr -d '\r'
