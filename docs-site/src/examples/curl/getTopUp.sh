#!/usr/bin/env bash
# Follow one top-up (TRANSACTION_ID).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${TRANSACTION_ID:=TXN-01JB3QF7R2M4}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/wallet/topup/${TRANSACTION_ID}" \
  -H "X-API-Key: ${JUMBE_API_KEY}"
