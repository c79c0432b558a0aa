#!/usr/bin/env bash
# Send a webhook.test event now.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/webhooks/test" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
