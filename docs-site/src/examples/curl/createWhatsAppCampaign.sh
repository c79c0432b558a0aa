#!/usr/bin/env bash
# Create a WhatsApp-template campaign draft for a group: each customer gets order_update with their own name and order.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/campaigns" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"name": "Order updates", "channel": "whatsapp", "template": {"name": "order_update", "language": "en", "parameters": ["{{name}}", "{{attributes.order}}"]}, "audience": {"groups": ["customers"]}}'
