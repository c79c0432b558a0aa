#!/usr/bin/env bash
# Delivered messages, 100 per page, by cursor: the page after MESSAGE_ID (the last id of the page you have).
# Messages sent meanwhile neither repeat nor push others out. Read on while "meta.has_more" is true.
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${MESSAGE_ID:=MSG-01JB3Q8Z5K7W}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sms/history" \
  -G \
  --data-urlencode "status=delivered" \
  --data-urlencode "per_page=100" \
  --data-urlencode "starting_after=${MESSAGE_ID}" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
