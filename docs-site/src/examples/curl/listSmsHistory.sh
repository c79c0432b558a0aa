#!/usr/bin/env bash
# Delivered messages, 100 per page, by cursor: the page after MESSAGE_ID (the last id of the page you have).
# Messages sent meanwhile neither repeat nor push others out. Read on while "meta.has_more" is true.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${MESSAGE_ID:=MSG-01JB3Q8Z5K7W}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/sms/history" \
  -G \
  --data-urlencode "status=delivered" \
  --data-urlencode "per_page=100" \
  --data-urlencode "starting_after=${MESSAGE_ID}" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
