#!/usr/bin/env bash
# Opt a number out of your messages.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${OPT_OUT_PHONE:=0722110160}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/opt-outs" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"phone": "'"${OPT_OUT_PHONE}"'", "reason": "asked at the school gate"}'
