#!/usr/bin/env bash
# Send a WhatsApp template (order_update, two body parameters).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/messages/send" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"channel": "whatsapp", "recipient": "254712345678", "template": {"name": "order_update", "language": "en", "parameters": ["Amina", "ORD-1182"]}}'
