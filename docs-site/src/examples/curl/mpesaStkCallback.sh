#!/usr/bin/env bash
# What Safaricom sends: an STK Push result (MPESA_CALLBACK_TOKEN).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${MPESA_CALLBACK_TOKEN:=change-me}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/webhooks/mpesa/callback/${MPESA_CALLBACK_TOKEN}" \
  -X POST \
  -H "Content-Type: application/json" \
  -d '{"Body": {"stkCallback": {"MerchantRequestID": "68441-128341933-1", "CheckoutRequestID": "ws_CO_17112022155511840796440427", "ResultCode": 1032, "ResultDesc": "Request cancelled by user"}}}'
