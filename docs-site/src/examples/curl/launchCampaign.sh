#!/usr/bin/env bash
# Launch a draft: one charge, then sending (CAMPAIGN_ID, from createCampaign).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/campaigns/${CAMPAIGN_ID:?export CAMPAIGN_ID=... first}/launch" \
  -X POST \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"
