#!/usr/bin/env bash
# Cancel a campaign; unsent messages are refunded (CAMPAIGN_ID).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${CAMPAIGN_ID:?export CAMPAIGN_ID=CMP-... first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/campaigns/${CAMPAIGN_ID}/cancel" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
