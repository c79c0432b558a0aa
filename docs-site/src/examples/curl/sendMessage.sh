#!/usr/bin/env bash
# Send a WhatsApp template (order_update, two body parameters).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/messages/send" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"channel": "whatsapp", "recipient": "254712345678", "template": {"name": "order_update", "language": "en", "parameters": ["Amina", "ORD-1182"]}}'
