#!/usr/bin/env bash
# Cancel a scheduled message (MESSAGE_ID).
# Needs an id from an earlier step:
#   export MESSAGE_ID=MSG-01JB3QC0XYZ1   # the message_id that sendSms answered
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sms/${MESSAGE_ID:?export MESSAGE_ID=... first (the message_id that sendSms answered)}" \
  -X DELETE \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
