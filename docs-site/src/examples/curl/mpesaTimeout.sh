#!/usr/bin/env bash
# What Safaricom sends: a queue timeout (MPESA_CALLBACK_TOKEN).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${MPESA_CALLBACK_TOKEN:=change-me}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/webhooks/mpesa/timeout/${MPESA_CALLBACK_TOKEN}" \
  -X POST \
  -H "Content-Type: application/json" \
  -d '{"Body": {"stkCallback": {"MerchantRequestID": "98357-32706531-1", "CheckoutRequestID": "ws_CO_13102022155941641714596833", "ResultCode": 1037, "ResultDesc": "DS timeout user cannot be reached"}}}'
