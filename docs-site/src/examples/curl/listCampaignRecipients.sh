#!/usr/bin/env bash
# A campaign's failed recipients (CAMPAIGN_ID, from createCampaign).
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/campaigns/${CAMPAIGN_ID:?export CAMPAIGN_ID=... first}/recipients" \
  -G \
  --data-urlencode "status=failed" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
