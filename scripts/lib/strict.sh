# Shared by the walk-throughs that stop at the first failure (sourced, not run). The caller sets
# API (…/api/v1) and WORK (a scratch directory) first; TOKEN once signed in.

fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }
# jget EXPR: a JavaScript expression over the JSON on stdin (`d`); strings print raw, others as JSON
jget() {
  node -e 'let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    const v = new Function("d", `return (${process.argv[1]});`)(JSON.parse(s));
    process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  });' "$1"
}

# call METHOD PATH|URL [curl args]: with the token; a path is under $API; fails on HTTP errors
# and prints the body.
call() {
  local method="$1" url="$2"
  shift 2
  [[ "$url" == http* ]] || url="$API$url"
  local out="$WORK/body" code
  code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url" \
    -H "Authorization: Bearer ${TOKEN:-none}" "$@")
  [[ "$code" =~ ^2 ]] || fail "$method $url -> $code $(head -c 600 "$out")"
  cat "$out"
}
post_json() { call POST "$1" -H 'content-type: application/json' --data "$2"; }

# wait_job ID: polls until it succeeds (prints the job) or fails the walk-through; at most
# ${JOB_WAIT_SECONDS:-120} seconds.
wait_job() {
  local id="$1" status
  for _ in $(seq 1 $((${JOB_WAIT_SECONDS:-120} * 5))); do
    status=$(call GET "/jobs/$id" | jget d.status)
    case "$status" in
      succeeded) call GET "/jobs/$id"; return 0 ;;
      failed | cancelled) fail "job $id $status: $(call GET "/jobs/$id" | jget d.error)" ;;
    esac
    sleep 0.2
  done
  fail "job $id did not finish"
}

# upload FILE NAME: a new data source in $PROJECT, ingested; prints its id.
upload() {
  local res
  res=$(call POST "/projects/$PROJECT/data-sources" -F "name=$2" -F "file=@$1")
  wait_job "$(jget d.job.id <<<"$res")" >/dev/null
  jget d.dataSource.id <<<"$res"
}
