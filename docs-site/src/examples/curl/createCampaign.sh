#!/usr/bin/env bash
# Create a personalised campaign draft for a group.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/campaigns" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H "Content-Type: application/json" \
  -d '{"name": "Term 3 fees", "channel": "sms", "message": "Dear {{name}}, fees for {{student|your child}} are due on 5 Dec.", "audience": {"groups": ["parents-form-2"]}}'
