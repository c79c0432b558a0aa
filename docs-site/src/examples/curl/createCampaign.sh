#!/usr/bin/env bash
# Create a personalised campaign draft for a group.
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/campaigns" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"name": "Term 3 fees", "channel": "sms", "message": "Dear {{name}}, fees for {{student|your child}} are due on 5 Dec.", "audience": {"groups": ["parents-form-2"]}}'
