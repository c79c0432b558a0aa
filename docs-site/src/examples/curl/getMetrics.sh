#!/usr/bin/env bash
# Read the Prometheus metrics.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/metrics"
