#!/usr/bin/env bash
# Follow one top-up (TRANSACTION_ID).
# Needs an id from an earlier step:
#   export TRANSACTION_ID=TXN-01JB3QF7R2M4   # the transaction_id that topUp answered
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/wallet/topup/${TRANSACTION_ID:?export TRANSACTION_ID=... first (the transaction_id that topUp answered)}" \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
