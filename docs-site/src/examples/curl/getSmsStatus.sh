#!/usr/bin/env bash
# Follow one message (MESSAGE_ID).
# Needs an id from an earlier step:
#   export MESSAGE_ID=MSG-01JB3Q8Z5K7W   # the message_id that sendSms answered
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sms/status/${MESSAGE_ID:?export MESSAGE_ID=... first (the message_id that sendSms answered)}" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
