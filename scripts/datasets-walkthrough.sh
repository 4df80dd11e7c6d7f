#!/usr/bin/env bash
# Issue 3's datasets walk-through with curl against a running platform (`npm start`):
#   bash scripts/datasets-walkthrough.sh [http://localhost:3000] [rows of the generated CSV, 1000000]
# Uploads problematic_hydro.csv and a generated 1M-row x 12-column CSV, follows ingestion over SSE,
# lists versions, reads schema and preview, exports to CSV, .xlsx and Parquet, uploads each export
# again and checks the same rows come back. Prints "ok ..." lines; exits 1 on a failure.
set -euo pipefail
BASE=${1:-http://localhost:3000}
ROWS=${2:-1000000}
API=$BASE/api/v1
HERE="$(cd "$(dirname "$0")" && pwd)"
FIXTURE="$HERE/../services/data-tools/test/fixtures/problematic_hydro.csv"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=lib/walkthrough.sh
source "$(dirname "$0")/lib/walkthrough.sh"
# Uploads a file as a new data source and follows its job over SSE to the end; sets DS.
upload() {
  local res last
  res=$(curl -s -X POST "$API/projects/$P/data-sources" -H "$(auth)" -F "name=$1" "${@:3}" -F "file=@$2")
  DS=$(echo "$res" | json dataSource.id)
  last=$(curl -sN --max-time 600 "$API/jobs/$(echo "$res" | json job.id)/events" -H "$(auth)" | grep '^data: ' | tail -1 | cut -c7-)
  check "upload $1, followed over SSE" "$(echo "$last" | json job.status)" succeeded
}
export_as() { curl -s -X POST "$API/data-sources/$1/versions/1/export" -H "$(auth)" -H 'content-type: application/json' -d "{\"format\":\"$2\"}" -o "$3"; }

sign_up data
P=$(curl -s -X POST "$API/projects" -H "$(auth)" -H 'content-type: application/json' -d '{"name":"Datasets walk-through"}' | json id)

upload Hydro "$FIXTURE"
HYDRO=$DS
VERSIONS=$(curl -s "$API/data-sources/$HYDRO/versions" -H "$(auth)")
check "one version listed" "$(echo "$VERSIONS" | json length)" 1
VERSION=$(curl -s "$API/data-sources/$HYDRO/versions/1" -H "$(auth)")
check "schema kept as it came (Temperature with 'abc' stays text)" "$(echo "$VERSION" | json schema.1.name)/$(echo "$VERSION" | json schema.1.type)" Temperature/string
PREVIEW=$(curl -s "$API/data-sources/$HYDRO/versions/1/preview?limit=3" -H "$(auth)")
check "preview of 3 rows" "$(echo "$PREVIEW" | json rows.length)" 3

node -e '
const n = Number(process.argv[1]); const out = require("fs").createWriteStream(process.argv[2]);
out.write("id,station,day,flow,level,rain,temp,flag,code,count,ratio,note\n");
let i = 0;
function more() {
  let ok = true;
  while (i < n && ok) {
    const d = new Date(Date.UTC(2000, 0, 1) + (i % 9000) * 864e5).toISOString().slice(0, 10);
    const blank = i % 97 === 0;
    ok = out.write(`${i},S${i % 100},${d},${(i % 1000) / 7},${blank ? "" : (i % 313) / 3},${i % 5 === 0 ? 0 : (i % 17) / 4},${(i % 40) - 5},${i % 2 === 0},C${i % 7},${i % 1000},${(i % 9) / 9},${blank ? "" : "ok " + (i % 13)}\n`);
    i += 1;
  }
  if (i < n) out.once("drain", more); else out.end();
}
more();' "$ROWS" "$WORK/big.csv"
upload "Generated $ROWS rows" "$WORK/big.csv"
check "the generated CSV is one version of $ROWS rows x 12 columns" "$(curl -s "$API/data-sources/$DS/versions/1" -H "$(auth)" | json rows)x$(curl -s "$API/data-sources/$DS/versions/1" -H "$(auth)" | json columns)" "${ROWS}x12"

export_as "$HYDRO" csv "$WORK/hydro.csv"
check "CSV export has the header and 10 rows" "$(wc -l < "$WORK/hydro.csv" | tr -d ' ')" 11
export_as "$HYDRO" xlsx "$WORK/hydro.xlsx"
check "xlsx export is a workbook" "$(head -c 2 "$WORK/hydro.xlsx")" PK
export_as "$HYDRO" parquet "$WORK/hydro.parquet"
check "Parquet export" "$(head -c 4 "$WORK/hydro.parquet")" PAR1
for format in csv xlsx parquet; do
  upload "Hydro from $format" "$WORK/hydro.$format"
  export_as "$DS" csv "$WORK/back.$format.csv"
  check "the $format export uploaded again gives the same rows" "$(cmp -s "$WORK/hydro.csv" "$WORK/back.$format.csv" && echo same || echo different)" same
done
echo "all checks passed"
