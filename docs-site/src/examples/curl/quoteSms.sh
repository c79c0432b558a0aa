#!/usr/bin/env bash
# Price an SMS without sending it.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sms/quote" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Content-Type: application/json" \
  -d '{"recipients": ["254712345678", "254722000111"], "message": "Habari! Kliniki itafunguliwa saa mbili asubuhi."}'
