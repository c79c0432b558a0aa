#!/usr/bin/env bash
# Opt a number out of your messages.
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${OPT_OUT_PHONE:=0722110160}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/opt-outs" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"phone": "'"${OPT_OUT_PHONE}"'", "reason": "asked at the school gate"}'
