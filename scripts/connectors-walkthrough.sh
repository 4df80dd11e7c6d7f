#!/usr/bin/env bash
# Issue 10's connectors walk-through with curl against a running platform (`npm start`) and the
# machine's PostgreSQL (psql as postgres) and MariaDB (mysql as root):
#   bash scripts/connectors-walkthrough.sh [http://localhost:3000] [rows, 1000000]
# Makes a source table of that many rows x 12 columns in each server, creates a PostgreSQL and a
# MariaDB connection, tests and browses them, previews, imports each table with live progress over
# SSE, imports a query, and checks that no response ever contained the MariaDB password. The source
# databases and user are dropped at the end.
set -euo pipefail
BASE=${1:-http://localhost:3000}
ROWS=${2:-1000000}
API=$BASE/api/v1
S=$(date +%s)$RANDOM
SRC=walk_src_$S
MUSER=walk_$S
MPASS=secret-$S-$RANDOM
LOG=$(mktemp)
cleanup() {
  psql -qh 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $SRC" > /dev/null 2>&1 || true
  mysql -uroot -e "DROP DATABASE IF EXISTS $SRC; DROP USER IF EXISTS '$MUSER'@'%'" > /dev/null 2>&1 || true
  rm -f "$LOG"
}
trap cleanup EXIT
# shellcheck source=lib/walkthrough.sh
source "$(dirname "$0")/lib/walkthrough.sh"
# Every answer is also kept in $LOG, to look for the password at the end.
call() {
  if [ -n "${3:-}" ]; then
    curl -s -X "$1" "$API$2" -H "$(auth)" -H 'content-type: application/json' -d "$3" | tee -a "$LOG"
  else
    curl -s -X "$1" "$API$2" -H "$(auth)" | tee -a "$LOG"
  fi
}
# Follows a job over SSE to its end; prints "<status> <number of progress events>".
follow() {
  curl -sN --max-time 900 "$API/jobs/$1/events" -H "$(auth)" | grep '^data: ' | cut -c7- |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const e=s.trim().split("\n").map(l=>JSON.parse(l));console.log(e.at(-1).job.status+" "+e.filter(x=>x.type==="progress").length)})'
}
# The shared wait_job reads jobs through get: logged like every other answer.
get() { call GET "$1"; }

psql -qh 127.0.0.1 -U postgres -c "CREATE DATABASE $SRC" > /dev/null
psql -qh 127.0.0.1 -U postgres -d "$SRC" > /dev/null <<SQL
CREATE TABLE readings AS SELECT g AS id, 'S' || (g % 100) AS station, date '2000-01-01' + (g % 9000) AS day,
  (g % 1000) / 7.0 AS flow, CASE WHEN g % 97 = 0 THEN NULL ELSE (g % 313) / 3.0 END AS level,
  (g % 17) / 4.0 AS rain, (g % 40) - 5 AS temp, g % 2 = 0 AS flag, 'C' || (g % 7) AS code,
  g % 1000 AS count, (g % 9) / 9.0 AS ratio, now() AS loaded_at FROM generate_series(1, $ROWS) g;
ANALYZE readings;
SQL
mysql -uroot <<SQL
CREATE DATABASE $SRC;
USE $SRC;
CREATE TABLE readings AS SELECT seq AS id, CONCAT('S', seq % 100) AS station,
  DATE_ADD('2000-01-01', INTERVAL seq % 9000 DAY) AS day, (seq % 1000) / 7 AS flow,
  IF(seq % 97 = 0, NULL, (seq % 313) / 3) AS level, (seq % 17) / 4 AS rain, CAST(seq % 40 AS SIGNED) - 5 AS temp,
  seq % 2 = 0 AS flag, CONCAT('C', seq % 7) AS code, seq % 1000 AS count, (seq % 9) / 9 AS ratio,
  NOW() AS loaded_at FROM seq_1_to_$ROWS;
CREATE USER '$MUSER'@'%' IDENTIFIED BY '$MPASS';
GRANT SELECT ON $SRC.* TO '$MUSER'@'%';
SQL
echo "ok   source tables of $ROWS rows in PostgreSQL and MariaDB"

sign_up conn
P=$(call POST /projects '{"name":"Connectors walk-through"}' | json id)

PG=$(call POST /connections "{\"name\":\"gauges pg\",\"type\":\"postgresql\",\"host\":\"127.0.0.1\",\"database\":\"$SRC\",\"user\":\"postgres\"}" | json id)
MY=$(call POST /connections "{\"name\":\"gauges maria\",\"type\":\"mysql\",\"host\":\"127.0.0.1\",\"database\":\"$SRC\",\"user\":\"$MUSER\",\"password\":\"$MPASS\"}" | json id)
for c in "$PG" "$MY"; do
  check "connection test" "$(call POST "/connections/$c/test" | json ok)" true
done
check "browse PostgreSQL: the table is listed" "$(call GET "/connections/$PG/tables" | grep -c readings)" 1
check "browse MariaDB: the table is listed" "$(call GET "/connections/$MY/tables" | grep -c readings)" 1
check "MariaDB columns" "$(call GET "/connections/$MY/tables/readings" | json columns.length)" 12
check "preview 100 rows of a table" "$(call POST "/connections/$PG/preview" '{"table":"public.readings"}' | json rows.length)" 100
check "preview a query" "$(call POST "/connections/$MY/preview" '{"query":"SELECT station, count(*) AS n FROM readings GROUP BY station"}' | json rows.length)" 100

for pair in "PostgreSQL:$PG:public.readings" "MariaDB:$MY:readings"; do
  IFS=: read -r label conn table <<< "$pair"
  JOB=$(call POST "/connections/$conn/import" "{\"table\":\"$table\",\"projectId\":\"$P\",\"name\":\"$label readings\"}" | json id)
  read -r status events <<< "$(follow "$JOB")"
  check "import the $label table, followed over SSE" "$status" succeeded
  echo "     ($events progress events)"
  RESULT=$(call GET "/jobs/$JOB")
  check "its ingestion" "$(wait_job "$(echo "$RESULT" | json result.ingestJobId)" | json status)" succeeded
  DS=$(echo "$RESULT" | json result.dataSourceId)
  check "the $label version has $ROWS rows" "$(call GET "/data-sources/$DS/versions/1" | json rows)" "$ROWS"
done

JOB=$(call POST "/connections/$PG/import" "{\"query\":\"SELECT station, avg(flow) AS mean_flow FROM readings GROUP BY station\",\"projectId\":\"$P\",\"name\":\"Mean flows\"}" | json id)
check "import a query" "$(wait_job "$JOB" | json status)" succeeded
check "no response contained the MariaDB password" "$(grep -c -- "$MPASS" "$LOG" || true)" 0
echo "all checks passed"
