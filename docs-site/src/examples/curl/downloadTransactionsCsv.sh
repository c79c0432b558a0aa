#!/usr/bin/env bash
# Download the wallet journal as CSV.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/wallet/transactions" \
  -G \
  --data-urlencode "format=csv" \
  --data-urlencode "from_date=2025-10-01" \
  -H "Accept: text/csv" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
