#!/usr/bin/env bash
# Follow one message of either channel (MESSAGE_ID).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${MESSAGE_ID:?set MESSAGE_ID (export MESSAGE_ID=MSG-… from the send answer)}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/messages/${MESSAGE_ID}" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
