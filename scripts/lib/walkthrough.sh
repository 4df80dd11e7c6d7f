# Shared by the curl walk-throughs (sourced, not run): reading JSON, calling the API with $TOKEN,
# checks, jobs and signing up. The caller sets API (…/api/v1) first.

# `json PATH` prints a dotted path of the JSON on stdin (objects as JSON).
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").filter(Boolean).reduce((o,k)=>o?.[k],JSON.parse(s));console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
auth() { echo "authorization: Bearer $TOKEN"; }
post() { curl -s -X POST "$API$1" -H 'content-type: application/json' -H "$(auth)" -d "$2"; }
get() { curl -s "$API$1" -H "$(auth)"; }
# `check WHAT GOT WANT` prints "ok" or fails the walk-through.
check() { if [ "$2" = "$3" ]; then echo "ok   $1 ($2)"; else echo "FAIL $1: got $2, want $3"; exit 1; fi; }

# Polls a job until it ends (60 s at most); prints the job's JSON.
wait_job() {
  for _ in $(seq 1 600); do
    local job status
    job=$(get "/jobs/$1")
    status=$(echo "$job" | json status)
    case "$status" in succeeded | failed | cancelled) echo "$job"; return 0 ;; esac
    sleep 0.1
  done
  echo '{"status":"timeout"}'
}

# `sign_up NAME` registers NAME_<random> and logs in: sets TOKEN.
sign_up() {
  local user pw=river-flow-2024
  user="$1_$(date +%s)$RANDOM"
  curl -s -X POST "$API/auth/register" -H 'content-type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@example.org\",\"password\":\"$pw\"}" > /dev/null
  TOKEN=$(curl -s -X POST "$API/auth/login" -H 'content-type: application/json' \
    -d "{\"login\":\"$user\",\"password\":\"$pw\"}" | json accessToken)
}
