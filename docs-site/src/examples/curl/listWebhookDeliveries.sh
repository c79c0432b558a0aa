#!/usr/bin/env bash
# List failed webhook deliveries.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/webhooks/deliveries" \
  -G \
  --data-urlencode "status=failed" \
  --data-urlencode "page=1" \
  --data-urlencode "per_page=20" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
