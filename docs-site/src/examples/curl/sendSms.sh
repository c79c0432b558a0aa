#!/usr/bin/env bash
# Send one SMS.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sms/send" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"recipient": "254712345678", "message": "Hello from Jumbe"}'
