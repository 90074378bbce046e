# Sourced by bench/http/run.sh and profile.sh: what both load. After the coordinator
# (bench@example.org) exists in DB, seed_bench BASE DB signs in, adds a school and its SENCO,
# and has the SENCO send 20 requests, so the coordinator's /requests is a page of 20. It sets
#   token (the coordinator's bearer token), senco_token, cookie (the coordinator's session
#   cookie, NAME=VALUE) and exports SUBMIT_BODY (one request, for the submit load).
json_field() { python3 -c "import sys,json; print(json.load(sys.stdin)[\"$1\"])"; }

seed_bench() {
    local base=$1 db=$2 i
    token=$(curl -fs -X POST "$base/api/v1/login" -d '{"email":"bench@example.org","password":"benchmark-password-1"}' | json_field token)
    curl -fs -X POST "$base/api/v1/schools" -H "Authorization: Bearer $token" \
        -d '{"urn":123641,"name":"Coxley Primary School","postcode":"BA5 1RD","phase":"primary","local_authority":"Somerset"}' >/dev/null
    echo 'benchmark-password-2' | $BIN user add --db "$db" --email senco@example.org --name Senco --role senco --school 123641 >/dev/null
    senco_token=$(curl -fs -X POST "$base/api/v1/login" -d '{"email":"senco@example.org","password":"benchmark-password-2"}' | json_field token)
    cookie=$(curl -fs -o /dev/null -c - -X POST "$base/api/v1/login" -d '{"email":"bench@example.org","password":"benchmark-password-1"}' |
             awk '$6 ~ /session/ {print $6 "=" $7}')
    export SUBMIT_BODY="{\"school_urn\":123641,\"kind\":\"individual\",\"pupils\":[{\"ref\":\"AB\",\"year_group\":\"Y3\",\"need_route\":\"sen_support\",\"primary_need\":\"ASD\"}],\"consent\":{\"type\":\"signed\",\"obtained_on\":\"$(date -d '-1 day' +%F)\",\"obtained_by\":\"Class teacher\"},\"expertise_level\":\"teacher\",\"preferred_date\":\"$(date -d '+20 days' +%F)\",\"concern\":\"Finds transitions hard.\",\"tried\":\"Visual timetable.\"}"
    for i in $(seq 20); do
        curl -fs -X POST "$base/api/v1/requests" -H "Authorization: Bearer $senco_token" -H 'Content-Type: application/json' -d "$SUBMIT_BODY" >/dev/null
    done
}
