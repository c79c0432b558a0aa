#!/usr/bin/env bash
# Set the webhook URL and events.
: "${JUMBE_BASE_URL:=http://localhost:8080}"
# Your receiver: a public https URL of your system.
: "${WEBHOOK_URL:=https://crm.example.co.ke/jumbe/webhooks}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/webhooks/config" \
  -X PUT \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"webhook_url": "'"${WEBHOOK_URL}"'", "events": ["balance.updated", "message.delivered", "message.failed", "topup.completed", "topup.failed"]}'
