#!/usr/bin/env bash
# Issue 11's walk-through with curl against a running platform (`npm start`):
#   bash scripts/training-walkthrough.sh [http://localhost:3000]
# On the Seattle weather data (vega-datasets): a random forest and a gradient-boosting regressor of
# temp_max with a time-ordered split and a recipe of lag features (NSE/KGE/R² and feature importance
# on the runs, also read back through the MLflow API); the boosting model registered and used to
# predict JSON rows and a new upload (a job writing a version with a prediction column); its model
# file downloaded; a 30-trial TPE study with 2 parallel trials whose best model is registered with an
# alias; a preset from a run; the boosting training published to the gallery, found, forked as a
# draft and the draft re-run. Prints "ok ..." lines, exits 1 on the first failure. Needs curl and node.
set -euo pipefail

BASE="${1:-http://localhost:3000}"
API="$BASE/api/v1"
HERE="$(cd "$(dirname "$0")" && pwd)"
CSV="${SEATTLE_CSV:-$HERE/../node_modules/vega-datasets/data/seattle-weather.csv}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

JOB_WAIT_SECONDS=${JOB_WAIT_SECONDS:-300}
# shellcheck source=lib/strict.sh
source "$HERE/lib/strict.sh"
mlflow() { call POST "$BASE/api/2.0/mlflow$1" -H 'content-type: application/json' --data "$2"; }

train() {
  local res
  res=$(post_json "/projects/${2:-$PROJECT}/trainings" "$1")
  wait_job "$(jget d.job.id <<<"$res")" >/dev/null
  call GET "$API/trainings/$(jget d.training.id <<<"$res")"
}

[[ -f "$CSV" ]] || fail "no $CSV (npm install vega-datasets)"
USER_NAME="train_$(date +%s)_$RANDOM"
curl -sS -o /dev/null -X POST "$API/auth/register" -H 'content-type: application/json' \
  --data "{\"username\":\"$USER_NAME\",\"email\":\"$USER_NAME@example.org\",\"password\":\"walkthrough-pass-1\"}"
TOKEN=$(post_json /auth/login "{\"login\":\"$USER_NAME\",\"password\":\"walkthrough-pass-1\"}" | jget d.accessToken)
PROJECT=$(post_json /projects '{"name":"Seattle trainings"}' | jget d.id)
WEATHER=$(upload "$CSV" seattle-weather)
ok "user $USER_NAME, project $PROJECT, seattle-weather uploaded ($WEATHER)"

LAGS='[{"op":"timeseries.lag","params":{"orderBy":"date","columns":["temp_max","precipitation"],"periods":[1,2,3]}}]'
spec() {
  echo "{\"dataSourceId\":\"$WEATHER\",\"version\":1,\"recipe\":$LAGS,\"target\":\"temp_max\",
    \"model\":$1,\"split\":{\"timeColumn\":\"date\",\"testFraction\":0.2}}"
}
for model in '{"type":"random_forest","params":{"nEstimators":50,"seed":1}}' \
  '{"type":"gradient_boosting","params":{"maxIter":100}}'; do
  T=$(train "$(spec "$model")")
  [[ $(jget d.status <<<"$T") == FINISHED ]] || fail "training: $T"
  RUN=$(jget d.runId <<<"$T")
  ok "$(jget d.modelType <<<"$T"): NSE $(jget 'd.metrics.nse.toFixed(3)' <<<"$T") KGE $(jget 'd.metrics.kge.toFixed(3)' <<<"$T") R² $(jget 'd.metrics.r2.toFixed(3)' <<<"$T") PBIAS $(jget 'd.metrics.pbias.toFixed(2)' <<<"$T") (run $RUN)"
  R=$(call GET "$BASE/api/2.0/mlflow/runs/get?run_id=$RUN")
  ok "  MLflow run: nse $(jget 'd.run.data.metrics.find((m) => m.key === "nse").value.toFixed(3)' <<<"$R"), spec hash $(jget 'd.run.data.tags.find((t) => t.key === "hydroml.spec_hash").value' <<<"$R")"
  EXP=$(jget d.experimentId <<<"$T")
  IMP=$(call GET "$BASE/api/2.0/mlflow-artifacts/artifacts/$EXP/$RUN/artifacts/explain/importance.json")
  ok "  top permutation importance: $(jget 'Object.entries(d.permutation).sort((a, b) => b[1].mean - a[1].mean).slice(0, 3).map(([k, v]) => `${k} ${v.mean.toFixed(3)}`).join(", ")' <<<"$IMP")"
done

mlflow /registered-models/create "{\"name\":\"seattle-gb-$USER_NAME\",\"project_id\":\"$PROJECT\"}" >/dev/null
mlflow /model-versions/create "{\"name\":\"seattle-gb-$USER_NAME\",\"source\":\"runs:/$RUN/model\",\"run_id\":\"$RUN\"}" >/dev/null
MODEL="seattle-gb-$USER_NAME"
# Raw days as the data has them: the model's recipe computes the lags (from the days before).
ROWS='{"rows":[
  {"date":"2016-01-01","precipitation":1,"temp_max":13,"temp_min":7,"wind":3,"weather":"rain"},
  {"date":"2016-01-02","precipitation":0,"temp_max":14,"temp_min":8,"wind":2,"weather":"sun"},
  {"date":"2016-01-03","precipitation":0,"temp_max":15,"temp_min":8,"wind":3,"weather":"sun"},
  {"date":"2016-01-04","precipitation":0,"temp_min":9,"wind":3,"weather":"sun"}]}'
P=$(post_json "/models/$MODEL/versions/1/predict" "$ROWS")
ok "predicted 2016-01-04 from raw JSON rows (lags from the 3 days before): $(jget 'd.predictions[3].toFixed(2)' <<<"$P") °C (input rows $(jget 'd.rows.join(",")' <<<"$P"))"
NEW=$(upload "$CSV" seattle-weather-new)
JOB=$(post_json "/models/$MODEL/versions/1/predict" "{\"dataSourceId\":\"$NEW\",\"dataVersion\":1}" | jget d.job.id)
INGEST=$(wait_job "$JOB" | jget d.result.ingestJobId)
wait_job "$INGEST" >/dev/null
V=$(call GET "$API/data-sources/$NEW/versions/2")
ok "predicted the new upload: version 2 with columns $(jget 'd.schema.map((c) => c.name).slice(-3).join(", ")' <<<"$V")"
call GET "$API/models/$MODEL/versions/1/model-file" >"$WORK/model.json"
ok "model file downloaded ($(wc -c <"$WORK/model.json") bytes, format $(jget d.format <"$WORK/model.json"))"

STUDY=$(post_json "/projects/$PROJECT/studies" "{\"name\":\"gb-tpe\",\"spec\":$(spec '{"type":"gradient_boosting"}'),
  \"search\":[{\"name\":\"learningRate\",\"type\":\"float\",\"low\":0.01,\"high\":0.3,\"log\":true},
    {\"name\":\"maxLeafNodes\",\"type\":\"int\",\"low\":4,\"high\":63},
    {\"name\":\"maxIter\",\"type\":\"int\",\"low\":20,\"high\":200,\"step\":20}],
  \"sampler\":{\"type\":\"tpe\",\"seed\":5},\"budget\":{\"trials\":30},\"parallelism\":2,
  \"registerBest\":{\"name\":\"seattle-best-$USER_NAME\",\"alias\":\"champion\"}}" | jget d.study.id)
for _ in $(seq 1 1800); do
  S=$(call GET "$API/studies/$STUDY")
  [[ $(jget d.status <<<"$S") == RUNNING ]] || break
  sleep 1
done
[[ $(jget d.status <<<"$S") == FINISHED ]] || fail "study: $(jget d.status <<<"$S")"
ok "study: $(jget d.trials.length <<<"$S") trials, best R² $(jget 'd.best.value.toFixed(3)' <<<"$S") with $(jget d.best.params <<<"$S")"
ok "  parameter importance $(jget d.importance <<<"$S"), registered $(jget d.registered <<<"$S")"
A=$(call GET "$BASE/api/2.0/mlflow/registered-models/alias?name=seattle-best-$USER_NAME&alias=champion")
ok "  alias champion -> version $(jget d.model_version.version <<<"$A")"
PRESET=$(post_json /presets "{\"name\":\"gb-from-run\",\"fromRunId\":\"$RUN\"}")
ok "preset from the boosting run: $(jget d.params <<<"$PRESET")"
ENTRY=$(post_json "/trainings/$(jget d.id <<<"$T")/publish" '{"title":"Seattle temp_max, boosting with lags"}' | jget d.id)
G=$(call GET "$API/gallery?model=gradient_boosting&metric=nse&q=seattle")
ok "published to the gallery ($(jget d.total <<<"$G") entries for gradient_boosting by NSE)"
OTHER=$(post_json /projects '{"name":"Forked work"}' | jget d.id)
F=$(post_json "/gallery/$ENTRY/fork" "{\"projectId\":\"$OTHER\"}")
DRAFTS=$(call GET "$API/projects/$OTHER/drafts")
[[ $(jget d.length <<<"$DRAFTS") == 1 ]] || fail "drafts of $OTHER: $DRAFTS"
# The draft runs as a normal training; another user would add their own dataSourceId and version.
R=$(post_json "/drafts/$(jget d.id <<<"$F")/run" '{}')
wait_job "$(jget d.job.id <<<"$R")" >/dev/null
RERUN=$(call GET "$API/trainings/$(jget d.training.id <<<"$R")")
ok "forked into project $OTHER as a draft and re-ran it: $(jget d.status <<<"$RERUN"), NSE $(jget 'd.metrics.nse.toFixed(3)' <<<"$RERUN")"
