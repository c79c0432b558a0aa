#!/usr/bin/env bash
# Price an SMS without sending it.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/sms/quote" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Content-Type: application/json" \
  -d '{"recipients": ["254712345678", "254722000111"], "message": "Habari! Kliniki itafunguliwa saa mbili asubuhi."}'
