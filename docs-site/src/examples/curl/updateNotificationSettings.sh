#!/usr/bin/env bash
# Change where your emails go and which you want (members left out keep their value).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' -X PUT "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/account/notifications" \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(uuidgen 2>/dev/null || date +%s%N)" \
  -H "Content-Type: application/json" \
  -d '{"cc": ["finance@falley.co.ke"], "low_balance_threshold": 500.00, "emails": {"topup": false}}'
