#!/usr/bin/env bash
# Streams NAB's New York City taxi series into a Vigil job and prints the five buckets with the highest
# anomaly_score. Needs a running service (VIGIL_URL, default http://127.0.0.1:8080), curl and python3.
set -euo pipefail

url="${VIGIL_URL:-http://127.0.0.1:8080}"
job="nyc-taxi"
here="$(cd "$(dirname "$0")" && pwd)"

for tool in curl python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "run.sh needs $tool on the PATH; install it and run again" >&2
        exit 1
    fi
done

# call METHOD PATH [CURL_ARGS...] prints the response body. On an HTTP error status it prints the error and exits.
call() {
    local method="$1" path="$2"
    shift 2
    local body status
    body="$(mktemp)"
    if ! status="$(curl -s -o "$body" -w '%{http_code}' -X "$method" "$url$path" "$@")"; then
        rm -f "$body"
        echo "Cannot reach Vigil at $url; start it with ./mvnw spring-boot:run or set VIGIL_URL" >&2
        exit 1
    fi
    if [[ "$status" != 2* ]]; then
        echo "$method $path failed with HTTP $status:" >&2
        cat "$body" >&2
        echo >&2
        rm -f "$body"
        exit 1
    fi
    cat "$body"
    rm -f "$body"
}

call GET /actuator/health >/dev/null
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/_ml/anomaly_detectors/$job")" == 200 ]]; then
    echo "Deleting the job $job of an earlier run"
    call POST "/_ml/anomaly_detectors/$job/_close?force=true" >/dev/null
    call DELETE "/_ml/anomaly_detectors/$job?force=true" >/dev/null
fi

echo "Creating the job $job: mean(value) over 30-minute buckets"
call PUT "/_ml/anomaly_detectors/$job" -H 'Content-Type: application/json' -d '{
  "description": "New York City taxi passengers per 30 minutes (NAB realKnownCause/nyc_taxi.csv)",
  "analysis_config": {
    "bucket_span": "30m",
    "detectors": [{"function": "mean", "field_name": "value"}]
  },
  "data_description": {"time_field": "timestamp", "time_format": "yyyy-MM-dd HH:mm:ss"}
}' >/dev/null
call POST "/_ml/anomaly_detectors/$job/_open" >/dev/null

# grep -c counts the last line too when the file does not end with a newline, which wc -l would miss.
echo "Streaming $(($(grep -c '' "$here/nyc_taxi.csv") - 1)) rows of nyc_taxi.csv"
call POST "/_ml/anomaly_detectors/$job/_data" -H 'Content-Type: text/csv' --data-binary "@$here/nyc_taxi.csv" \
    | python3 -c 'import json, sys; c = json.load(sys.stdin); print("Processed", c["processed_record_count"], "records")'
call POST "/_ml/anomaly_detectors/$job/_close" >/dev/null

echo "The five buckets with the highest anomaly_score:"
call GET "/_ml/anomaly_detectors/$job/results/buckets?sort=anomaly_score&desc=true&size=5" \
    | python3 "$here/top_buckets.py"
