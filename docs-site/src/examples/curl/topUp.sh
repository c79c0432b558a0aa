#!/usr/bin/env bash
# Top up KES 1000 with M-Pesa STK Push.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/wallet/topup" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"amount": 1000, "payment_method": "mpesa", "phone_number": "254712345678"}'
