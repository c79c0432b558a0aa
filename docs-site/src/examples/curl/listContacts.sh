#!/usr/bin/env bash
# List the contacts of a group.
: "${JUMBE_BASE_URL:=http://localhost:8080}"

curl -sS -w '\nHTTP %{http_code}\n' "${JUMBE_BASE_URL}/api/${JUMBE_CLIENT_ID:?export JUMBE_CLIENT_ID first}/contacts" \
  -G \
  --data-urlencode "group=parents-form-2" \
  --data-urlencode "per_page=20" \
  -X GET \
  -H "X-API-Key: ${JUMBE_API_KEY:?export JUMBE_API_KEY first}"
