#!/usr/bin/env bash
# Issue 9's data-quality walk-through with curl against a running platform (`npm start`):
#   bash scripts/quality-walkthrough.sh [http://localhost:3000]
# Uploads problematic_hydro.csv, profiles version 1 and checks the expected alerts (text in
# Temperature, "#N/A" in Humidity, a missing date, a repeated row), applies two suggestions as
# studio steps and saves version 2, generates a suite from the cleaned version, validates the raw
# version against it (failures with sample rows) and downloads both HTML reports.
# Prints "ok ..." lines; exits 1 on a failure. OUT=dir keeps the reports (a temp dir by default).
set -euo pipefail
BASE=${1:-http://localhost:3000}
API=$BASE/api/v1
HERE="$(cd "$(dirname "$0")" && pwd)"
CSV="${HYDRO_CSV:-$HERE/../services/data-tools/test/fixtures/problematic_hydro.csv}"
OUT="${OUT:-$(mktemp -d)}"
# shellcheck source=lib/walkthrough.sh
source "$(dirname "$0")/lib/walkthrough.sh"
# The suggested step of the first alert of a type (and column) in a profile: `alert_step TYPE [COLUMN]`.
alert_step() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const a=JSON.parse(s).alerts.find(a=>a.type===process.argv[1]&&(!process.argv[2]||a.column===process.argv[2]));console.log(a?.suggestion?JSON.stringify(a.suggestion.step):"none")})' "$@"; }
has_alert() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).alerts.some(a=>a.type===process.argv[1]&&(!process.argv[2]||a.column===process.argv[2]))))' "$@"; }
# Profiles version $1 (a job) and leaves the profile JSON in $PROFILE.
profile() {
  check "profile job of version $1" "$(wait_job "$(post "/data-sources/$DS/versions/$1/profile" '{}' | json id)" | json status)" succeeded
  PROFILE=$(get "/data-sources/$DS/versions/$1/profile")
}

sign_up quality
P=$(post /projects '{"name":"Quality walk-through"}' | json id)
UP=$(curl -s -X POST "$API/projects/$P/data-sources" -H "$(auth)" -F name=Hydro -F "file=@$CSV")
DS=$(echo "$UP" | json dataSource.id)
check "upload problematic_hydro.csv" "$(wait_job "$(echo "$UP" | json job.id)" | json status)" succeeded

profile 1
RAW=$PROFILE
check "10 rows profiled" "$(echo "$RAW" | json table.rows)" 10
check "text in Temperature (mixed types)" "$(echo "$RAW" | has_alert mixed_types Temperature)" true
check "\"#N/A\" in Humidity (null-like)" "$(echo "$RAW" | has_alert null_like Humidity)" true
check "a missing date" "$(echo "$RAW" | has_alert missing Date)" true
check "a repeated row" "$(echo "$RAW" | has_alert duplicates)" true
curl -s -o "$OUT/profile-v1.html" -w '%{http_code}' "$API/data-sources/$DS/versions/1/profile/report.html" -H "$(auth)" > "$OUT/code"
check "profile report downloaded" "$(cat "$OUT/code")/$(head -c 15 "$OUT/profile-v1.html")" '200/<!doctype html>'

SID=$(post /sessions "{\"dataSourceId\":\"$DS\",\"version\":1}" | json id)
CAST=$(echo "$RAW" | alert_step mixed_types Temperature)
DROP=$(echo "$RAW" | alert_step missing Date)
echo "     suggestions applied: $CAST and $DROP"
check "suggestion 1 applied as a step" "$(post "/sessions/$SID/steps" "$CAST" | json head)" 1
check "suggestion 2 applied as a step" "$(post "/sessions/$SID/steps" "$DROP" | json head)" 2
check "save the cleaned version" "$(wait_job "$(post "/sessions/$SID/save" '{}' | json id)" | json result.version)" 2
profile 2
CLEAN=$PROFILE
check "cleaned: 9 rows, Temperature numeric" "$(echo "$CLEAN" | json table.rows)/$(echo "$CLEAN" | json columns.1.type)" 9/float

SUITE=$(post "/data-sources/$DS/suites" '{"name":"from cleaned","fromVersion":2}')
SUITE_ID=$(echo "$SUITE" | json id)
echo "     generated suite: $(echo "$SUITE" | json expectations.length) expectations"
JOB=$(post "/suites/$SUITE_ID/validate" '{"version":1}' | json id)
check "validation job" "$(wait_job "$JOB" | json status)" succeeded
RUN=$(get "/validations/$JOB")
check "the raw version fails the suite" "$(echo "$RUN" | json success)" false
FAILED=$(echo "$RUN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s).results.filter(r=>!r.success);console.log(r.map(r=>`${r.expectation.type}(${r.expectation.kwargs.column??""}) unexpected=${r.unexpectedCount} sample=${JSON.stringify(r.unexpectedRows.slice(0,1))}`).join("\n"))})')
echo "$FAILED" | sed 's/^/     /'
check "Date not null fails with the sample row" "$(echo "$RUN" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s).results.find(r=>r.expectation.type==="expect_column_values_to_not_be_null"&&r.expectation.kwargs.column==="Date");console.log(`${r.success}/${r.unexpectedRows[0].__row}`)})')" false/5
echo "     quality score of version 1: $(echo "$RUN" | json score)"
curl -s -o "$OUT/validation.html" -w '%{http_code}' "$API/validations/$JOB/report.html" -H "$(auth)" > "$OUT/code"
check "validation report downloaded" "$(cat "$OUT/code")/$(head -c 15 "$OUT/validation.html")" '200/<!doctype html>'
check "history lists the run" "$(get "/data-sources/$DS/validations" | json validations.0.id)" "$JOB"
echo "reports in $OUT"
