#!/usr/bin/env bash
# The first five rendered messages (CAMPAIGN_ID, from createCampaign).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${CAMPAIGN_ID:?export CAMPAIGN_ID=CMP-... first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/campaigns/${CAMPAIGN_ID}/preview" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY}"
