#!/usr/bin/env bash
# Reset test mode (use your sk_test_ key): KES 1,000.00 again, test data cleared.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/sandbox/reset" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
