#!/usr/bin/env bash
# Change where your emails go and which you want (members left out keep their value).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' -X PUT "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/account/notifications" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(uuidgen 2>/dev/null || date +%s%N)" \
  -H "Content-Type: application/json" \
  -d '{"cc": ["finance@falley.co.ke"], "low_balance_threshold": 500.00, "emails": {"topup": false}}'
