#!/usr/bin/env bash
# Usage per day over a range (every day, zeros included).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/analytics/daily?from=2025-10-01&to=2025-10-09" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
