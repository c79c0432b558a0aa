#!/usr/bin/env bash
# Set the webhook URL and events.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
# Your receiver: a public https URL of your system.
: "${WEBHOOK_URL:=https://crm.example.co.ke/jumbe/webhooks}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/webhooks/config" \
  -X PUT \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"webhook_url": "'"${WEBHOOK_URL}"'", "events": ["balance.updated", "message.delivered", "message.failed", "topup.completed", "topup.failed"]}'
