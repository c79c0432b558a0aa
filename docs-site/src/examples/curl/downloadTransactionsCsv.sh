#!/usr/bin/env bash
# Download the wallet journal as CSV.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/wallet/transactions" \
  -G \
  --data-urlencode "format=csv" \
  --data-urlencode "from_date=2025-10-01" \
  -H "Accept: text/csv" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
