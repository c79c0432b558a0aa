#!/usr/bin/env bash
# Your account: tier, rate limit, prices, sender ids and key mode.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/account" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
