#!/usr/bin/env bash
# Issue 8's walk-through with curl against a running platform (`npm start`):
#   scripts/features-walkthrough.sh [http://localhost:3000]
# On the Seattle weather data (vega-datasets): a studio session with lagged precipitation (1-3 days),
# a 7-day rolling sum, day-of-year sin/cos, a water-year column and standard scaling, joined with a
# second table on date; saved; then the exported recipe re-applied to a new upload of the same file,
# saved again, and both saved versions compared value by value. Prints "ok ..." lines, exits 1 on
# the first failure. Needs curl and node (for reading JSON).
set -euo pipefail

BASE="${1:-http://localhost:3000}"
API="$BASE/api/v1"
HERE="$(cd "$(dirname "$0")" && pwd)"
CSV="${SEATTLE_CSV:-$HERE/../node_modules/vega-datasets/data/seattle-weather.csv}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

JOB_WAIT_SECONDS=${JOB_WAIT_SECONDS:-120}
# shellcheck source=lib/strict.sh
source "$HERE/lib/strict.sh"

# --- a user, a project, the two tables --------------------------------------------------------
[[ -f "$CSV" ]] || fail "no $CSV (npm install vega-datasets)"
USER_NAME="walk_$(date +%s)_$RANDOM"
curl -sS -o /dev/null -X POST "$API/auth/register" -H 'content-type: application/json' \
  --data "{\"username\":\"$USER_NAME\",\"email\":\"$USER_NAME@example.org\",\"password\":\"walkthrough-pass-1\"}"
TOKEN=$(post_json /auth/login "{\"login\":\"$USER_NAME\",\"password\":\"walkthrough-pass-1\"}" | jget d.accessToken)
PROJECT=$(post_json /projects '{"name":"Seattle features"}' | jget d.id)
ok "user $USER_NAME, project $PROJECT"

WEATHER=$(upload "$CSV" "seattle-weather")
# the second table: one (made-up, deterministic) river gauge reading per date
awk -F, 'NR == 1 { print "date,gauge_m" } NR > 1 { printf "%s,%.2f\n", $1, 1 + (NR % 29) / 10 }' \
  "$CSV" >"$WORK/gauge.csv"
GAUGE=$(upload "$WORK/gauge.csv" "river-gauge")
ok "uploaded seattle-weather ($WEATHER) and river-gauge ($GAUGE)"

# --- the recipe, step by step -------------------------------------------------------------------
SESSION=$(post_json /sessions "{\"dataSourceId\":\"$WEATHER\",\"version\":1}" | jget d.id)
steps=(
  '{"op":"timeseries.lag","params":{"column":"precipitation","periods":[1,2,3],"orderBy":"date"}}'
  '{"op":"timeseries.rolling","params":{"column":"precipitation","fn":"sum","window":"7 days","orderBy":"date","as":"precip_7d"}}'
  '{"op":"math.cyclical","params":{"column":"date","period":"day_of_year","prefix":"doy"}}'
  '{"op":"dates.extract","params":{"column":"date","part":"water_year","as":"water_year"}}'
  '{"op":"learned.scale","params":{"columns":["temp_max","temp_min"],"method":"standard"}}'
  "{\"op\":\"fusion.join\",\"params\":{\"right\":{\"dataSourceId\":\"$GAUGE\",\"version\":1},\"how\":\"left\",\"on\":[\"date\"]}}"
)
for step in "${steps[@]}"; do
  STATE=$(post_json "/sessions/$SESSION/steps" "$step")
done
COLUMNS=$(jget 'd.schema.map((c) => c.name).join(",")' <<<"$STATE")
[[ "$COLUMNS" == *precipitation_lag_3*precip_7d*doy_sin*doy_cos*water_year*gauge_m* ]] ||
  fail "unexpected columns: $COLUMNS"
ROW=$(jget 'd.preview.rows[3]' <<<"$STATE")
[[ $(jget 'd.precipitation_lag_1 === 0.8' <<<"$ROW") == "true" ]] ||
  fail "lag 1 of 2012-01-04 should be 0.8: $ROW"
[[ $(jget 'Math.abs(d.precip_7d - 32) < 1e-9' <<<"$ROW") == "true" ]] ||
  fail "7-day sum on 2012-01-04 should be 0 + 10.9 + 0.8 + 20.3 = 32: $ROW"
[[ $(jget 'd.water_year === 2012' <<<"$ROW") == "true" ]] ||
  fail "water year of 2012-01-04 should be 2012: $ROW"
ok "6 steps applied: $COLUMNS"
MEAN=$(jget 'd.steps[4].params.center.temp_max' <<<"$STATE")
ok "standard scaling fitted once: temp_max mean $MEAN"
REPORT=$(jget 'd.steps[5].params.report' <<<"$STATE")
ok "join report $REPORT"

save() {
  local session="$1" name="$2" job
  job=$(post_json "/sessions/$session/save" "{\"target\":\"new\",\"projectId\":\"$PROJECT\",\"name\":\"$name\"}")
  wait_job "$(jget d.id <<<"$job")" | jget d.result
}
FIRST=$(save "$SESSION" "seattle-features")
ok "saved $FIRST"

# --- the same recipe on a new upload of the same file --------------------------------------------
RECIPE=$(call GET "/sessions/$SESSION/recipe")
AGAIN=$(upload "$CSV" "seattle-weather again")
SESSION2=$(post_json /sessions "{\"dataSourceId\":\"$AGAIN\",\"version\":1}" | jget d.id)
post_json "/sessions/$SESSION2/recipe" "$RECIPE" >/dev/null
SECOND=$(save "$SESSION2" "seattle-features again")
ok "re-applied the exported recipe to the new upload and saved $SECOND"

rows_of() {
  local ds version offset=0 page
  ds=$(jget d.dataSourceId <<<"$1")
  version=$(jget d.version <<<"$1")
  : >"$WORK/rows"
  while :; do
    page=$(call GET "/data-sources/$ds/versions/$version/preview?limit=1000&offset=$offset")
    jget 'd.rows.map((r) => JSON.stringify(r) + "\n").join("")' <<<"$page" >>"$WORK/rows"
    offset=$((offset + 1000))
    [[ $offset -lt $(jget d.total <<<"$page") ]] || break
  done
  cat "$WORK/rows"
}
rows_of "$FIRST" >"$WORK/first.jsonl"
rows_of "$SECOND" >"$WORK/second.jsonl"
N=$(wc -l <"$WORK/first.jsonl")
[[ "$N" -eq 1461 ]] || fail "expected 1461 rows, got $N"
cmp -s "$WORK/first.jsonl" "$WORK/second.jsonl" || fail "the two saved versions differ"
ok "identical values in both saved versions ($N rows)"
