#!/usr/bin/env bash
# A campaign's estimate or progress (CAMPAIGN_ID, from createCampaign).
set -euo pipefail
: "${JUMBE_BASE_URL:=http://localhost:8080}"
: "${JUMBE_CLIENT_ID:?set JUMBE_CLIENT_ID}"
: "${JUMBE_API_KEY:?set JUMBE_API_KEY}"
: "${CAMPAIGN_ID:?export CAMPAIGN_ID=CMP-... first}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID}/campaigns/${CAMPAIGN_ID}" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY}"
