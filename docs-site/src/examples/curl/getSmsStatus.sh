#!/usr/bin/env bash
# Follow one message (MESSAGE_ID).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${MESSAGE_ID:=MSG-01JB3Q8Z5K7W}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/sms/status/${MESSAGE_ID}" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
