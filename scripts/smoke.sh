#!/usr/bin/env bash
# The issue's walk-through with curl alone, against a running platform (`npm start`):
#   bash scripts/smoke.sh [http://localhost:3000]
set -euo pipefail
BASE=${1:-http://localhost:3000}
API=$BASE/api/v1
S=$(date +%s)$RANDOM
PW=river-flow-2024
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
post() { curl -s -X POST "$API$1" -H 'content-type: application/json' "${@:3}" -d "$2"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check() { if [ "$2" = "$3" ]; then echo "ok   $1 ($2)"; else echo "FAIL $1: got $2, want $3"; exit 1; fi; }

for u in owner viewer stranger; do
  post /auth/register "{\"username\":\"${u}_$S\",\"email\":\"${u}_$S@example.org\",\"password\":\"$PW\"}" > /dev/null
done
login() { post /auth/login "{\"login\":\"$1_$S\",\"password\":\"$PW\"}"; }
OWNER=$(login owner | json accessToken)
PAIR=$(login viewer); VIEWER=$(echo "$PAIR" | json accessToken); REFRESH=$(echo "$PAIR" | json refreshToken)
STRANGER=$(login stranger | json accessToken)
check "three users registered and logged in" "$([ -n "$OWNER$VIEWER$STRANGER" ] && echo yes)" yes

P=$(post /projects '{"name":"Rhine daily flows"}' -H "authorization: Bearer $OWNER" | json id)
post /projects/$P/members "{\"user\":\"viewer_$S\",\"role\":\"viewer\"}" -H "authorization: Bearer $OWNER" > /dev/null
post /projects/$P/data-sources '{"name":"Gauge 6335020","kind":"file"}' -H "authorization: Bearer $OWNER" > /dev/null
LISTED=$(curl -s "$API/projects?search=Rhine" -H "authorization: Bearer $VIEWER" | json items.0.id)
check "the viewer lists the project" "$LISTED" "$P"
check "the viewer gets 403 on an edit" "$(status -X PATCH "$API/projects/$P" -H "authorization: Bearer $VIEWER" -H 'content-type: application/json' -d '{"name":"x"}')" 403
check "a third user gets 404" "$(status "$API/projects/$P" -H "authorization: Bearer $STRANGER")" 404

TOKEN=$(post /auth/tokens '{"name":"smoke","scopes":["read","write"]}' -H "authorization: Bearer $OWNER")
SECRET=$(echo "$TOKEN" | json secret); TID=$(echo "$TOKEN" | json token.id)
check "an API token works" "$(status "$API/projects" -H "authorization: Bearer $SECRET")" 200
check "revoking it" "$(status -X DELETE "$API/auth/tokens/$TID" -H "authorization: Bearer $OWNER")" 204
check "a revoked API token fails" "$(status "$API/projects" -H "authorization: Bearer $SECRET")" 401

Q='{"query":"query($id: ID!) { project(id: $id) { name members { username role } dataSources { name } } }","variables":{"id":"'$P'"}}'
GQL=$(curl -s -X POST "$BASE/graphql" -H 'content-type: application/json' -H "authorization: Bearer $VIEWER" -d "$Q")
check "GraphQL returns members and data sources" "$(echo "$GQL" | json data.project.members.1.role)/$(echo "$GQL" | json data.project.dataSources.0.name)" "viewer/Gauge 6335020"

NEXT=$(post /auth/refresh "{\"refreshToken\":\"$REFRESH\"}" | json refreshToken)
check "refresh rotates the refresh token" "$([ -n "$NEXT" ] && [ "$NEXT" != "$REFRESH" ] && echo rotated)" rotated
check "reusing the old refresh token fails" "$(status -X POST "$API/auth/refresh" -H 'content-type: application/json' -d "{\"refreshToken\":\"$REFRESH\"}")" 401
echo "all checks passed"
