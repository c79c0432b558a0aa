#!/usr/bin/env bash
# Check the server's health.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/health"
