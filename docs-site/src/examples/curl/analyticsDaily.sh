#!/usr/bin/env bash
# Usage per day over a range (every day, zeros included).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/analytics/daily?from=2025-10-01&to=2025-10-09" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
